import { postWebhook, signedTextWebhook, waitUntil, type SoakWorld } from './soak-world';

export interface GraphOutageResult {
  outageSeconds: number;
  queued: number;
  delivered: number;
  sentTwice: number;
  outOfOrderCustomers: string[];
  /** From Graph's return until the last queued reply reached it. */
  drainMs: number | null;
}

const CUSTOMERS = 10;

/**
 * Graph goes away in three acts — connection refused, then 500s, then 429 with Retry-After — while agents keep
 * replying. When it comes back everything queued must reach it once, in each customer's order; the figure is how
 * long the backlog took to drain.
 */
export async function runGraphOutage(world: SoakWorld, { actSeconds }: { actSeconds: number }): Promise<GraphOutageResult> {
  const server = await world.start();
  const customers = Array.from({ length: CUSTOMERS }, (_, i) => `9665${String(40_000_000 + i).padStart(8, '0')}`);
  for (const [i, from] of customers.entries()) await postWebhook(server.url, signedTextWebhook(`wamid.OUTAGE${i}`, from, 'Where is my order?', Math.floor(Date.now() / 1000)));
  const conversations = await waitForConversations(server.url, world.apiToken, customers.length);

  let seq = 0;
  const queued: string[] = [];
  let replying = true;
  const replies = (async () => {
    while (replying) {
      for (const c of conversations) {
        const marker = `outage-${c.waId}-${String(++seq).padStart(6, '0')}`;
        const response = await fetch(`${server.url}/api/v1/conversations/${c.id}/messages`, {
          method: 'POST',
          headers: { authorization: `Bearer ${world.apiToken}`, 'content-type': 'application/json' },
          body: JSON.stringify({ text: marker }),
        });
        if (response.status === 201) queued.push(marker);
        await response.arrayBuffer();
      }
      await Bun.sleep(250);
    }
  })();

  await world.graph.stop();
  await Bun.sleep(actSeconds * 1000);
  world.graph.restart();
  world.graph.fake.setOutage({ kind: 'http', status: 500 });
  await Bun.sleep(actSeconds * 1000);
  world.graph.fake.setOutage({ kind: 'error', code: 130429, retryAfterSeconds: 2 });
  await Bun.sleep(actSeconds * 1000);
  replying = false;
  await replies;
  world.graph.fake.setOutage(null);
  const back = performance.now();

  const sentMarkers = () => world.graph.fake.sent.map((m) => (m.body.text as { body?: string } | undefined)?.body ?? '').filter((t) => t.startsWith('outage-'));
  const drained = await waitUntil(() => new Set(sentMarkers()).size >= queued.length, 180_000, 100);
  server.process.kill('SIGTERM');
  await server.process.exited;

  const markers = sentMarkers();
  const counts = new Map<string, number>();
  for (const marker of markers) counts.set(marker, (counts.get(marker) ?? 0) + 1);
  const outOfOrder = customers.filter((waId) => {
    const theirs = markers.filter((m) => m.startsWith(`outage-${waId}-`));
    return theirs.some((m, i) => i > 0 && m < theirs[i - 1]!);
  });
  return {
    outageSeconds: actSeconds * 3,
    queued: queued.length,
    delivered: queued.filter((m) => counts.has(m)).length,
    sentTwice: [...counts.values()].filter((n) => n > 1).length,
    outOfOrderCustomers: outOfOrder,
    drainMs: drained === null ? null : performance.now() - back,
  };
}

async function waitForConversations(url: string, token: string, count: number): Promise<{ id: string; waId: string }[]> {
  let found: { id: string; waId: string }[] = [];
  for (let i = 0; i < 100 && found.length < count; i++) {
    const response = await fetch(`${url}/api/v1/conversations?limit=50`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json()) as { data: { id: string; contact: { wa_id: string } }[] };
    found = body.data.filter((c) => c.contact.wa_id.startsWith('96654')).map((c) => ({ id: c.id, waId: c.contact.wa_id }));
    if (found.length < count) await Bun.sleep(100);
  }
  if (found.length < count) throw new Error(`only ${found.length} of ${count} conversations appeared`);
  return found;
}

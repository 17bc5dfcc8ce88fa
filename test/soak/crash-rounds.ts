import type { Server } from '../binary/compiled-binary';
import { postWebhook, quiet, signedTextWebhook, waitUntil, type SoakWorld } from './soak-world';

export interface CrashRoundsResult {
  rounds: number;
  webhooksAcknowledged: number;
  webhooksMissing: string[];
  repliesAccepted: number;
  /** Accepted replies the fake Graph received more than once. */
  repliesSentTwice: string[];
  /** Accepted replies neither received by Graph nor shown to the agent as uncertain or failed. */
  repliesLost: string[];
  /** Replies whose send was cut by the crash: Graph got them once; Rasil shows them "unknown" until a status arrives. */
  repliesUncertain: number;
  integrity: string;
  recoveryMs: number[];
}

const CUSTOMERS = 20;
const customer = (i: number) => `9665${String(30_000_000 + (i % CUSTOMERS)).padStart(8, '0')}`;

/**
 * kill -9 in the middle of traffic, `rounds` times: customers' webhooks (10% re-deliveries) and agents' replies
 * through the API keep coming until the server dies at a random moment. After each restart the server must catch
 * up by itself; at the end every acknowledged webhook is stored, and every accepted reply reached Graph exactly once
 * or is shown to the agent as failed/uncertain, never twice.
 */
export async function runCrashRounds(world: SoakWorld, { rounds, trafficMs }: { rounds: number; trafficMs: [number, number] }): Promise<CrashRoundsResult> {
  const acked = new Set<string>();
  const accepted = new Map<string, string>(); // marker → conversation id
  const recoveryMs: number[] = [];
  let seq = 0;
  for (let round = 0; round < rounds; round++) {
    const server = await world.start();
    if (round > 0) {
      // Recovery: the restarted server drains what the killed one left, with no help.
      const took = await waitUntil(() => world.read(quiet), 30_000);
      recoveryMs.push(took ?? Number.POSITIVE_INFINITY);
    }
    let alive = true;
    const killAfter = trafficMs[0] + Math.random() * (trafficMs[1] - trafficMs[0]);
    const inbound = (async () => {
      let last: ReturnType<typeof signedTextWebhook> | null = null;
      while (alive) {
        const n = ++seq;
        // One in ten is Meta re-delivering the previous webhook.
        const redeliver: boolean = last !== null && n % 10 === 0;
        const wamid = redeliver ? null : `wamid.SOAK${round}x${n}`;
        const hook: ReturnType<typeof signedTextWebhook> = redeliver ? last! : signedTextWebhook(wamid!, customer(n), `Order question ${n}`, Math.floor(Date.now() / 1000));
        const status = await postWebhook(server.url, hook);
        if (status === 200 && wamid) acked.add(wamid);
        last = hook;
      }
    })();
    const outbound = (async () => {
      while (alive) {
        const conversations = await listConversations(server, world.apiToken);
        for (const id of conversations.slice(0, 5)) {
          if (!alive) break;
          const marker = `soak-reply-${round}-${++seq}`;
          const status = await postReply(server, world.apiToken, id, marker);
          if (status === 201) accepted.set(marker, id);
        }
        await Bun.sleep(5);
      }
    })();
    await Bun.sleep(killAfter);
    server.process.kill('SIGKILL');
    alive = false;
    await Promise.all([inbound, outbound, server.process.exited]);
  }

  // A last start to let everything settle, then a clean stop before the checks.
  const final = await world.start();
  const took = await waitUntil(() => world.read(quiet), 30_000);
  recoveryMs.push(took ?? Number.POSITIVE_INFINITY);
  final.process.kill('SIGTERM');
  await final.process.exited;

  const sentCounts = new Map<string, number>();
  for (const message of world.graph.fake.sent) {
    const text = (message.body.text as { body?: string } | undefined)?.body ?? '';
    if (text.startsWith('soak-reply-')) sentCounts.set(text, (sentCounts.get(text) ?? 0) + 1);
  }
  return world.read((db) => {
    const stored = new Set(db.query<{ id: string }, []>("select wa_message_id as id from messages where direction = 'in' and wa_message_id like 'wamid.SOAK%'").all().map((r) => r.id));
    const statusOf = new Map(db.query<{ body: string; status: string }, []>("select body, status from messages where body like 'soak-reply-%'").all().map((r) => [r.body, r.status]));
    const lost: string[] = [];
    let uncertain = 0;
    for (const marker of accepted.keys()) {
      const count = sentCounts.get(marker) ?? 0;
      const status = statusOf.get(marker);
      if (status === 'unknown') uncertain++;
      // Lost = never reached Graph, yet Rasil neither retries it nor tells the agent (sent/delivered/read claimed, or row gone).
      if (count === 0 && !(status === 'unknown' || status === 'failed' || status === 'queued')) lost.push(`${marker} (${status ?? 'no row'})`);
    }
    return {
      rounds,
      webhooksAcknowledged: acked.size,
      webhooksMissing: [...acked].filter((id) => !stored.has(id)),
      repliesAccepted: accepted.size,
      repliesSentTwice: [...sentCounts].filter(([, n]) => n > 1).map(([marker]) => marker),
      repliesLost: lost,
      repliesUncertain: uncertain,
      integrity: db.query<{ integrity_check: string }, []>('PRAGMA integrity_check').get()!.integrity_check,
      recoveryMs,
    };
  });
}

async function listConversations(server: Server, token: string): Promise<string[]> {
  try {
    const response = await fetch(`${server.url}/api/v1/conversations?limit=20`, { headers: { authorization: `Bearer ${token}` } });
    if (response.status !== 200) return [];
    const body = (await response.json()) as { data: { id: string }[] };
    return body.data.map((c) => c.id);
  } catch {
    return [];
  }
}

async function postReply(server: Server, token: string, conversationId: string, text: string): Promise<number> {
  try {
    const response = await fetch(`${server.url}/api/v1/conversations/${conversationId}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

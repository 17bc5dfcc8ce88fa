import { TestClient } from '../support/test-client';

export interface AgentSessionsResult {
  sessions: number;
  pages: number;
  pageP50: number;
  pageP99: number;
  pageErrors: number;
  /** Streams still open when the load ended (Bun closes idle ones after 10 s unless the server keeps them alive). */
  streamsOpen: number;
  liveEvents: number;
}

/**
 * Agents at work while webhooks pour in: each signs in over real HTTP, keeps the inbox's SSE stream open and
 * reloads the list and the open-conversations fragment every second. Returns their page latencies.
 */
export async function startAgentSessions(baseUrl: string, accounts: { email: string; password: string }[]) {
  const http = { handle: (request: Request) => fetch(new Request(request.url.replace('http://localhost', baseUrl), request)) };
  const latencies: number[] = [];
  let errors = 0;
  let events = 0;
  let running = true;
  const streams: { open: boolean; abort: AbortController }[] = [];
  const clients = await Promise.all(
    accounts.map(async (account) => {
      const client = new TestClient(http);
      await client.signIn(account.email, account.password);
      return client;
    }),
  );
  const loops = clients.map(async (client) => {
    const abort = new AbortController();
    const stream = { open: true, abort };
    streams.push(stream);
    const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    void fetch(`${baseUrl}/events`, { headers: { cookie, accept: 'text/event-stream' }, signal: abort.signal })
      .then(async (response) => {
        const reader = response.body!.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          events += new TextDecoder().decode(value).split('\n\n').length - 1;
        }
      })
      .catch(() => {})
      .finally(() => {
        stream.open = false;
      });
    while (running) {
      for (const path of ['/conversations', '/conversations?status=open&sort=oldest_waiting']) {
        const t0 = performance.now();
        const response = await client.get(path, { htmx: path.includes('?') });
        await response.arrayBuffer();
        if (response.status === 200) latencies.push(performance.now() - t0);
        else errors++;
      }
      await Bun.sleep(1000);
    }
  });
  return {
    async stop(): Promise<AgentSessionsResult> {
      running = false;
      await Promise.all(loops);
      const streamsOpen = streams.filter((s) => s.open).length;
      for (const s of streams) s.abort.abort();
      latencies.sort((a, b) => a - b);
      const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? NaN;
      return { sessions: clients.length, pages: latencies.length, pageP50: pct(0.5), pageP99: pct(0.99), pageErrors: errors, streamsOpen, liveEvents: events };
    },
  };
}

import { join } from 'node:path';
import { Database } from 'bun:sqlite';
import { postWebhook, signedTextWebhook, type SoakWorld } from './soak-world';

export interface DatabaseLockedResult {
  lockSeconds: number;
  webhooksDuringLock: number;
  refusedDuringLock: number;
  /** 200s given for a webhook that is not in the journal afterwards: must be 0. */
  acknowledgedButNotStored: number;
  /** Status codes a signed-in page got while locked (200 = reads still work, 503 = the clear "busy" page). */
  pageStatuses: number[];
  pageShowedBusyText: boolean;
  recoveredMs: number | null;
}

/**
 * Another process holds the database's write lock longer than Rasil's busy timeout (5 s). Webhooks must be refused
 * with 5xx (Meta retries), never acknowledged unstored; pages keep answering or say clearly that the database is
 * busy; and once the lock goes, Rasil takes webhooks again by itself.
 */
export async function runDatabaseLocked(world: SoakWorld, { lockSeconds }: { lockSeconds: number }): Promise<DatabaseLockedResult> {
  const server = await world.start();
  const locker = new Database(join(world.dataDir, 'rasil.db'));
  locker.run('BEGIN EXCLUSIVE');
  const lockEnds = performance.now() + lockSeconds * 1000;
  const results: { wamid: string; status: number }[] = [];
  let seq = 0;
  const during = (async () => {
    while (performance.now() < lockEnds - 500) {
      const wamid = `wamid.LOCKED${++seq}`;
      results.push({ wamid, status: await postWebhook(server.url, signedTextWebhook(wamid, '966560000001', 'Anyone there?', Math.floor(Date.now() / 1000))) });
    }
  })();
  const pageStatuses: number[] = [];
  let busyText = false;
  for (const path of ['/login', '/healthz']) {
    const page = await fetch(`${server.url}${path}`);
    pageStatuses.push(page.status);
    const text = await page.text();
    if (page.status >= 500) busyText ||= /busy|try again|unavailable/i.test(text);
  }
  await Bun.sleep(Math.max(0, lockEnds - performance.now()));
  locker.run('COMMIT');
  locker.close();
  await during;

  const unlockedAt = performance.now();
  let recoveredMs: number | null = null;
  for (let i = 0; i < 100; i++) {
    const status = await postWebhook(server.url, signedTextWebhook(`wamid.AFTERLOCK${i}`, '966560000001', 'Hello again', Math.floor(Date.now() / 1000)));
    if (status === 200) {
      recoveredMs = performance.now() - unlockedAt;
      break;
    }
    await Bun.sleep(100);
  }
  server.process.kill('SIGTERM');
  await server.process.exited;
  const stored = world.read((db) => db.query<{ body: string }, []>("select body from webhook_journal where body like '%wamid.LOCKED%'").all().map((r) => r.body).join('\n'));
  return {
    lockSeconds,
    webhooksDuringLock: results.length,
    refusedDuringLock: results.filter((r) => r.status >= 500).length,
    acknowledgedButNotStored: results.filter((r) => r.status === 200 && !stored.includes(`"${r.wamid}"`)).length,
    pageStatuses,
    pageShowedBusyText: busyText,
    recoveredMs,
  };
}

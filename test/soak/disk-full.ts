import { mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSoakWorld, postWebhook, signedTextWebhook } from './soak-world';

export type DiskFullResult =
  | { skipped: string }
  | { webhooksWhileFull: number; refused: number; acknowledgedButNotStored: number; pageStatus: number; recoveredMs: number | null };

/**
 * The data folder on a small tmpfs that fills up: webhooks must get 5xx (never a 200 for something not stored),
 * pages keep answering, and once space is freed Rasil takes webhooks again by itself. Needs root (mount); says
 * clearly when it skipped.
 */
export async function runDiskFull({ binary }: { binary: string }): Promise<DiskFullResult> {
  const mountPoint = mkdtempSync(join(tmpdir(), 'rasil-soak-tmpfs-'));
  const mount = Bun.spawnSync(['mount', '-t', 'tmpfs', '-o', 'size=24m', 'tmpfs', mountPoint]);
  if (mount.exitCode !== 0) {
    rmSync(mountPoint, { recursive: true, force: true });
    return { skipped: `could not mount a tmpfs (${mount.stderr.toString().trim() || 'needs root'})` };
  }
  const world = await createSoakWorld({ binary, parentDir: mountPoint });
  try {
    const server = await world.start();
    const filler = join(mountPoint, 'filler');
    mkdirSync(filler, { recursive: true });
    // Leave about 300 KB free, then send 40 KB webhooks until the disk refuses them.
    const free = () => Number(statfsSync(mountPoint).bavail) * Number(statfsSync(mountPoint).bsize);
    for (let i = 0; free() > 1_300_000; i++) writeFileSync(join(filler, `block-${i}`), Buffer.alloc(1_000_000));
    writeFileSync(join(filler, 'rest'), Buffer.alloc(Math.max(0, free() - 300_000)));
    const results: { wamid: string; status: number }[] = [];
    const padding = 'x'.repeat(40_000);
    for (let i = 0; i < 40; i++) {
      const wamid = `wamid.FULL${i}`;
      results.push({ wamid, status: await postWebhook(server.url, signedTextWebhook(wamid, '966570000001', `${i} ${padding}`, Math.floor(Date.now() / 1000))) });
    }
    const pageStatus = (await fetch(`${server.url}/login`)).status;
    rmSync(filler, { recursive: true, force: true });
    const freedAt = performance.now();
    let recoveredMs: number | null = null;
    for (let i = 0; i < 100; i++) {
      if ((await postWebhook(server.url, signedTextWebhook(`wamid.FREED${i}`, '966570000001', 'space again', Math.floor(Date.now() / 1000)))) === 200) {
        recoveredMs = performance.now() - freedAt;
        break;
      }
      await Bun.sleep(100);
    }
    server.process.kill('SIGTERM');
    await server.process.exited;
    const stored = world.read((db) => db.query<{ body: string }, []>("select body from webhook_journal where body like '%wamid.FULL%'").all().map((r) => r.body).join('\n'));
    return {
      webhooksWhileFull: results.length,
      refused: results.filter((r) => r.status >= 500).length,
      acknowledgedButNotStored: results.filter((r) => r.status === 200 && !stored.includes(`"${r.wamid}"`)).length,
      pageStatus,
      recoveredMs,
    };
  } finally {
    world.close();
    Bun.spawnSync(['umount', mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  }
}

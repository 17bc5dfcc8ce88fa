import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from 'bun:test';
import { buildRasil } from '../binary/compiled-binary';
import { createSoakWorld, type SoakWorld } from './soak-world';
import { runCrashRounds } from './crash-rounds';
import { runGraphOutage } from './graph-outage';
import { runBackupUnderWrites } from './backup-under-writes';
import { runDatabaseLocked } from './database-locked';
import { runDiskFull } from './disk-full';

/**
 * The short version of `bun run soak` (README: long runs and their figures), against the real compiled binary on
 * every CI run: kill -9 during traffic, Graph down, a backup under writes, a locked database and a full disk.
 */
setDefaultTimeout(180_000);
let binary: string;
let world: SoakWorld;

beforeAll(async () => {
  binary = await buildRasil();
  world = await createSoakWorld({ binary });
});
afterAll(() => world?.close());

describe('faults against the compiled binary (short soak)', () => {
  test('kill -9 during ingest and sending: every acknowledged webhook kept, no reply sent twice or lost', async () => {
    const result = await runCrashRounds(world, { rounds: 3, trafficMs: [300, 900] });
    expect(result.webhooksAcknowledged).toBeGreaterThan(0);
    expect(result.repliesAccepted).toBeGreaterThan(0);
    expect(result.webhooksMissing).toEqual([]);
    expect(result.repliesSentTwice).toEqual([]);
    expect(result.repliesLost).toEqual([]);
    expect(result.integrity).toBe('ok');
    expect(result.recoveryMs.every((ms) => ms < 30_000)).toBe(true);
  });

  test('Graph refused, then 500s, then 429: everything queued goes out once, in order, soon after it returns', async () => {
    const result = await runGraphOutage(world, { actSeconds: 3 });
    expect(result.queued).toBeGreaterThan(0);
    expect(result.delivered).toBe(result.queued);
    expect(result.sentTwice).toBe(0);
    expect(result.outOfOrderCustomers).toEqual([]);
    expect(result.drainMs).not.toBeNull();
    expect(result.drainMs!).toBeLessThan(60_000);
  });

  test('a backup taken under heavy writes restores with every webhook acknowledged before it began', async () => {
    const result = await runBackupUnderWrites(world, { warmupMs: 1_000 });
    expect(result.ackedBeforeBackup).toBeGreaterThan(0);
    expect(result.missingFromRestore).toBe(0);
    expect(result.restoredIntegrity).toBe('ok');
    expect(result.restoreExit).toBe(0);
  });

  test('a database locked by another process gets webhooks 5xx, never a 200 unstored, and recovers by itself', async () => {
    const result = await runDatabaseLocked(world, { lockSeconds: 6 });
    expect(result.refusedDuringLock).toBeGreaterThan(0);
    expect(result.acknowledgedButNotStored).toBe(0);
    expect(result.pageStatuses.every((status) => status === 200 || status === 503)).toBe(true);
    expect(result.recoveredMs).not.toBeNull();
  });

  test('a full disk gets webhooks 5xx, never a 200 unstored, and recovers when space is freed', async () => {
    const result = await runDiskFull({ binary });
    if ('skipped' in result) {
      console.warn(`Disk-full soak SKIPPED: ${result.skipped}`);
      return;
    }
    expect(result.refused).toBeGreaterThan(0);
    expect(result.acknowledgedButNotStored).toBe(0);
    expect(result.pageStatus).toBe(200);
    expect(result.recoveredMs).not.toBeNull();
  });
});

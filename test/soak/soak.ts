/**
 * Fault runs against the real compiled binary (`bun run soak`; `SOAK_SHORT=1` for the CI-sized version):
 * kill -9 during ingest and sending, Graph down for minutes, and a backup under heavy writes. Prints a table of
 * figures and exits non-zero when a "nothing lost, nothing doubled" check fails.
 */
import { cpus, totalmem } from 'node:os';
import { createSoakWorld } from './soak-world';
import { runCrashRounds } from './crash-rounds';
import { runGraphOutage } from './graph-outage';
import { runBackupUnderWrites } from './backup-under-writes';
import { runDatabaseLocked } from './database-locked';
import { runDiskFull } from './disk-full';

const short = process.env.SOAK_SHORT === '1';
const rounds = Number(process.env.SOAK_ROUNDS ?? (short ? 3 : 20));

const failures: string[] = [];
const rows: [string, string][] = [];
const check = (ok: boolean, what: string) => {
  if (!ok) failures.push(what);
};

console.log(`Rasil soak — ${short ? 'short' : 'long'} run on ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ${cpus()[0]?.model ?? 'unknown CPU'}`);

const world = await createSoakWorld();
try {
  const crash = await runCrashRounds(world, { rounds, trafficMs: short ? [300, 900] : [500, 3000] });
  rows.push(['kill -9 rounds', String(crash.rounds)]);
  rows.push(['webhooks acknowledged / missing', `${crash.webhooksAcknowledged} / ${crash.webhooksMissing.length}`]);
  rows.push(['replies accepted / sent twice / lost', `${crash.repliesAccepted} / ${crash.repliesSentTwice.length} / ${crash.repliesLost.length}`]);
  rows.push(['replies left "unknown" by a cut send', String(crash.repliesUncertain)]);
  rows.push(['integrity_check', crash.integrity]);
  rows.push(['recovery after restart (max ms)', Math.round(Math.max(...crash.recoveryMs)).toString()]);
  check(crash.webhooksMissing.length === 0, `acknowledged webhooks not stored: ${crash.webhooksMissing.slice(0, 5).join(', ')}`);
  check(crash.repliesSentTwice.length === 0, `replies sent twice: ${crash.repliesSentTwice.slice(0, 5).join(', ')}`);
  check(crash.repliesLost.length === 0, `replies lost: ${crash.repliesLost.slice(0, 5).join(', ')}`);
  check(crash.integrity === 'ok', `integrity_check: ${crash.integrity}`);
  check(crash.recoveryMs.every(Number.isFinite), 'a restart did not catch up within 30 s');

  const outage = await runGraphOutage(world, { actSeconds: short ? 4 : 60 });
  rows.push(['Graph outage (refused → 500 → 429)', `${outage.outageSeconds} s`]);
  rows.push(['replies queued / delivered / sent twice', `${outage.queued} / ${outage.delivered} / ${outage.sentTwice}`]);
  rows.push(['drain after Graph is back (ms)', outage.drainMs === null ? 'did not drain in 3 min' : String(Math.round(outage.drainMs))]);
  rows.push(['customers seeing replies out of order', String(outage.outOfOrderCustomers.length)]);
  check(outage.delivered === outage.queued, `${outage.queued - outage.delivered} queued replies never reached Graph`);
  check(outage.sentTwice === 0, `${outage.sentTwice} replies sent twice`);
  check(outage.outOfOrderCustomers.length === 0, `out of order for ${outage.outOfOrderCustomers.join(', ')}`);

  const backup = await runBackupUnderWrites(world, { warmupMs: short ? 1500 : 10_000 });
  rows.push(['backup under writes: acked before / missing after restore', `${backup.ackedBeforeBackup} / ${backup.missingFromRestore}`]);
  rows.push(['backup time (ms) / webhooks acked meanwhile', `${Math.round(backup.backupMs)} / ${backup.writesDuringBackup}`]);
  rows.push(['restored integrity_check / restore exit', `${backup.restoredIntegrity} / ${backup.restoreExit}`]);
  check(backup.missingFromRestore === 0, `${backup.missingFromRestore} webhooks acknowledged before the backup are missing from it`);
  check(backup.restoredIntegrity === 'ok' && backup.restoreExit === 0, 'the backup did not restore cleanly');

  const locked = await runDatabaseLocked(world, { lockSeconds: short ? 7 : 30 });
  rows.push(['database locked by another process', `${locked.lockSeconds} s`]);
  rows.push(['webhooks meanwhile: sent / refused 5xx / acked but unstored', `${locked.webhooksDuringLock} / ${locked.refusedDuringLock} / ${locked.acknowledgedButNotStored}`]);
  rows.push(['pages while locked (status)', locked.pageStatuses.join(', ')]);
  rows.push(['webhooks accepted again after unlock (ms)', locked.recoveredMs === null ? 'never' : String(Math.round(locked.recoveredMs))]);
  check(locked.acknowledgedButNotStored === 0, 'a webhook was acknowledged while the database could not store it');
  check(locked.recoveredMs !== null, 'Rasil did not take webhooks again after the lock was released');

  const full = await runDiskFull({ binary: world.binary });
  if ('skipped' in full) rows.push(['disk full', `SKIPPED: ${full.skipped}`]);
  else {
    rows.push(['disk full: webhooks sent / refused 5xx / acked but unstored', `${full.webhooksWhileFull} / ${full.refused} / ${full.acknowledgedButNotStored}`]);
    rows.push(['disk full: page status / accepted again after freeing (ms)', `${full.pageStatus} / ${full.recoveredMs === null ? 'never' : Math.round(full.recoveredMs)}`]);
    check(full.acknowledgedButNotStored === 0, 'a webhook was acknowledged while the disk was full and not stored');
    check(full.refused > 0, 'the disk never filled up: the scenario tested nothing');
    check(full.recoveredMs !== null, 'Rasil did not take webhooks again after space was freed');
  }
} finally {
  world.close();
}

const width = Math.max(...rows.map(([k]) => k.length));
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
if (failures.length > 0) {
  console.error(`\nFAILED:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log('\nAll "nothing lost, nothing doubled" checks passed.');

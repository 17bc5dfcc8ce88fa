import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from 'bun:sqlite';
import { runRasil } from '../binary/compiled-binary';
import { postWebhook, signedTextWebhook, type SoakWorld } from './soak-world';

export interface BackupUnderWritesResult {
  ackedBeforeBackup: number;
  missingFromRestore: number;
  backupMs: number;
  writesDuringBackup: number;
  restoredIntegrity: string;
  restoreExit: number;
}

/**
 * `rasil backup` while webhooks pour in, then `rasil restore` of that file into another data folder: the restored
 * database passes integrity_check and holds every webhook acknowledged before the backup started.
 */
export async function runBackupUnderWrites(world: SoakWorld, { warmupMs }: { warmupMs: number }): Promise<BackupUnderWritesResult> {
  const server = await world.start();
  const acked: string[] = [];
  let writing = true;
  let seq = 0;
  const writers = Array.from({ length: 4 }, async (_, w) => {
    while (writing) {
      const wamid = `wamid.BACKUP${w}x${++seq}`;
      const status = await postWebhook(server.url, signedTextWebhook(wamid, `96655${String(w).padStart(7, '0')}`, `Busy day ${seq}`, Math.floor(Date.now() / 1000)));
      if (status === 200) acked.push(wamid);
    }
  });
  await Bun.sleep(warmupMs);
  const before = [...acked];
  const folder = mkdtempSync(join(tmpdir(), 'rasil-soak-backup-'));
  const file = join(folder, 'copy.db');
  const started = performance.now();
  const backup = await runRasil(world.binary, ['backup', file], { env: world.env });
  const backupMs = performance.now() - started;
  const writesDuringBackup = acked.length - before.length;
  writing = false;
  await Promise.all(writers);
  server.process.kill('SIGTERM');
  await server.process.exited;
  if (backup.code !== 0) throw new Error(`rasil backup failed: ${backup.stderr || backup.stdout}`);

  const restoredDir = mkdtempSync(join(tmpdir(), 'rasil-soak-restored-'));
  try {
    const restore = await runRasil(world.binary, ['restore', file], { env: { ...world.env, RASIL_DATA_DIR: restoredDir } });
    const db = new Database(join(restoredDir, 'rasil.db'), { readonly: true });
    try {
      const bodies = db.query<{ body: string }, []>("select body from webhook_journal where body like '%wamid.BACKUP%'").all().map((r) => r.body).join('\n');
      return {
        ackedBeforeBackup: before.length,
        missingFromRestore: before.filter((id) => !bodies.includes(`"${id}"`)).length,
        backupMs,
        writesDuringBackup,
        restoredIntegrity: db.query<{ integrity_check: string }, []>('PRAGMA integrity_check').get()!.integrity_check,
        restoreExit: restore.code,
      };
    } finally {
      db.close();
    }
  } finally {
    rmSync(restoredDir, { recursive: true, force: true });
    rmSync(folder, { recursive: true, force: true });
  }
}

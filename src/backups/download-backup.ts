import { statSync } from 'node:fs';
import { join } from 'node:path';
import { recordAudit, type AuditActor } from '../audit/record-audit';
import type { Db } from '../platform/db/client';
import type { Clock } from '../platform/clock';
import type { NewId } from '../platform/ids';
import { BACKUP_NAME } from './backup-files';

/**
 * The backup file to send, or undefined when `name` is not one we generate or does not exist. Only names matching
 * BACKUP_NAME are looked up, so no request can reach a path outside backups/. A copy leaving the machine is audited.
 */
export function openBackupDownload({ dir, name }: { dir: string; name: string }, actor: AuditActor, deps: { db: Db; clock: Clock; newId: NewId }) {
  if (!BACKUP_NAME.test(name)) return undefined;
  const path = join(dir, name);
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat?.isFile()) return undefined;
  recordAudit(deps.db, { newId: deps.newId, now: deps.clock.now() }, actor, {
    action: 'backup.downloaded',
    targetType: 'backup',
    targetId: name,
    details: { bytes: stat.size },
  });
  return { path, bytes: stat.size };
}

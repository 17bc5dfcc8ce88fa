import { auditLog } from './audit.tables';
import type { Db } from '../platform/db/client';
import type { NewId } from '../platform/ids';

export interface AuditActor {
  id: string | null;
  /** Who did it, as shown in the log: an email, "cli" or "system". */
  label: string;
  ip?: string;
  userAgent?: string;
}

export interface AuditEntry {
  action: string;
  targetType?: string;
  targetId?: string;
  /** Small facts about the change. Never message bodies, passwords or tokens. */
  details?: Record<string, unknown>;
}

/** Appends one line to the audit log, inside the caller's transaction when given one. */
export function recordAudit(db: Db, { newId, now }: { newId: NewId; now: number }, actor: AuditActor, entry: AuditEntry) {
  db.insert(auditLog)
    .values({
      id: newId('aud'),
      at: now,
      actorId: actor.id,
      actorLabel: actor.label,
      action: entry.action,
      targetType: entry.targetType ?? '',
      targetId: entry.targetId ?? '',
      ip: actor.ip ?? '',
      userAgent: (actor.userAgent ?? '').slice(0, 300),
      details: JSON.stringify(entry.details ?? {}),
    })
    .run();
}

export const systemActor: AuditActor = { id: null, label: 'system' };
export const cliActor: AuditActor = { id: null, label: 'cli' };

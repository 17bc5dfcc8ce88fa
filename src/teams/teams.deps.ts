import type { Db } from '../platform/db/client';
import type { Clock } from '../platform/clock';
import type { NewId } from '../platform/ids';
import type { AuditActor } from '../audit/record-audit';
import type { Role } from '../accounts/accounts.tables';

/** The collaborators team use cases need; a subset of AppDeps. */
export interface TeamDeps {
  db: Db;
  clock: Clock;
  newId: NewId;
}

/** Who is changing a team: the audit actor plus the role that decides what they may touch. */
export interface TeamEditor {
  actor: AuditActor;
  role: Role;
}

import type { Db } from '../platform/db/client';
import type { Clock } from '../platform/clock';
import type { NewId } from '../platform/ids';

/** The collaborators account use cases need; a subset of AppDeps so tests can pass just these. */
export interface AccountDeps {
  db: Db;
  clock: Clock;
  newId: NewId;
}

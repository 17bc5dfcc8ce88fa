import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import { users, type Role } from './accounts.tables';
import type { Db } from '../platform/db/client';

export type User = typeof users.$inferSelect;
export type UserSummary = Pick<User, 'id' | 'email' | 'name' | 'role' | 'locale' | 'disabledAt' | 'createdAt'>;

const summaryColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  locale: users.locale,
  disabledAt: users.disabledAt,
  createdAt: users.createdAt,
};

export const findUserById = (db: Db, id: string): User | undefined => db.select().from(users).where(eq(users.id, id)).get();

export const findUserByEmail = (db: Db, email: string): User | undefined =>
  db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();

export const listUsers = (db: Db): UserSummary[] => db.select(summaryColumns).from(users).orderBy(asc(users.name)).all();

export const countUsers = (db: Db): number => db.select({ n: sql<number>`count(*)` }).from(users).get()?.n ?? 0;

/** Active admins other than `exceptId`; used to refuse removing the last one. */
export const countOtherActiveAdmins = (db: Db, exceptId: string): number =>
  db
    .select({ n: sql<number>`count(*)` })
    .from(users)
    .where(and(eq(users.role, 'admin' as Role), isNull(users.disabledAt), ne(users.id, exceptId)))
    .get()?.n ?? 0;

export const insertUser = (db: Db, user: typeof users.$inferInsert) => db.insert(users).values(user).run();

export const updateUser = (db: Db, id: string, changes: Partial<typeof users.$inferInsert>) =>
  db.update(users).set(changes).where(eq(users.id, id)).run();

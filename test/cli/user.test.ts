import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { countUsers, findUserByEmail } from '../../src/accounts/users.repository';
import { startSession } from '../../src/accounts/sessions';
import { sessions } from '../../src/accounts/accounts.tables';
import { auditLog } from '../../src/audit/audit.tables';
import { verifyPassword } from '../../src/accounts/passwords';
import { eq } from 'drizzle-orm';
import { tempDataDir, TEST_PASSWORD, withDatabase, type TempDataDir } from './cli-harness';

let data: TempDataDir;
beforeEach(() => {
  data = tempDataDir();
});
afterEach(() => data.cleanup());

const add = (overrides: Record<string, string> = {}, stdin = `${TEST_PASSWORD}\n`) => {
  const flags = { email: 'Mona@Example.com', name: 'Mona', role: 'admin', ...overrides };
  return data.run(['user', 'add', ...Object.entries(flags).flatMap(([k, v]) => [`--${k}`, v]), '--password-stdin'], { stdin });
};

describe('rasil user add', () => {
  test('creates the user with the piped password, minus its trailing newline, and records who did it', async () => {
    const result = await add();
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Added Mona <mona@example.com> as admin.');
    const user = withDatabase(data, ({ db }) => findUserByEmail(db, 'mona@example.com'));
    expect(user?.role).toBe('admin');
    expect(await verifyPassword(TEST_PASSWORD, user!.passwordHash)).toBe(true);
    const audit = withDatabase(data, ({ db }) => db.select().from(auditLog).all());
    expect(audit.map((a) => [a.action, a.actorLabel])).toEqual([['user.created', 'cli']]);
  });

  test('refuses a malformed email with an English sentence and creates no user', async () => {
    const result = await add({ email: 'not-an-email' });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('Email: Enter an email address such as name@example.com.\n');
    expect(withDatabase(data, ({ db }) => countUsers(db))).toBe(0);
  });

  test('refuses a password shorter than 10 characters and creates no user', async () => {
    const result = await add({}, 'short\n');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('Password: Use at least 10 characters.\n');
    expect(withDatabase(data, ({ db }) => countUsers(db))).toBe(0);
  });

  test('refuses an unknown role before touching the data folder', async () => {
    const result = await add({ role: 'owner' });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('--role must be one of admin, supervisor, agent, analyst.\n');
    expect(await Bun.file(data.database).exists()).toBe(false);
  });

  test('refuses an email that is already taken, whatever its case', async () => {
    expect((await add()).code).toBe(0);
    const result = await add({ email: 'MONA@example.com', name: 'Other Mona' });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('Someone already uses this email address.\n');
    expect(withDatabase(data, ({ db }) => countUsers(db))).toBe(1);
  });

  test('refuses to take the password as an option and explains how to pipe it', async () => {
    const result = await data.run(['user', 'add', '--email', 'a@example.com', '--name', 'A', '--role', 'agent', '--password', TEST_PASSWORD]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('The password is read from standard input');
    expect(result.stderr).toContain('| rasil user add --email a@example.com');
    expect(result.stderr).not.toContain(TEST_PASSWORD);
  });

  test('refuses an empty standard input', async () => {
    const result = await add({}, '\n');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Standard input was empty');
  });

  test('refuses when a required option is missing', async () => {
    const result = await data.run(['user', 'add', '--email', 'a@example.com', '--role', 'agent', '--password-stdin'], { stdin: TEST_PASSWORD });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--name needs a value');
  });
});

describe('rasil user passwd', () => {
  test('sets the new password and ends every session of the user', async () => {
    await add();
    const userId = withDatabase(data, ({ db }) => {
      const id = findUserByEmail(db, 'mona@example.com')!.id;
      startSession(db, { userId: id, now: 1, ip: '', userAgent: '' });
      startSession(db, { userId: id, now: 2, ip: '', userAgent: '' });
      return id;
    });
    const result = await data.run(['user', 'passwd', '--email', 'mona@example.com', '--password-stdin'], { stdin: 'a brand new password\r\n' });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('signed them out everywhere');
    const { user, left } = withDatabase(data, ({ db }) => ({
      user: findUserByEmail(db, 'mona@example.com')!,
      left: db.select().from(sessions).where(eq(sessions.userId, userId)).all(),
    }));
    expect(left).toEqual([]);
    expect(await verifyPassword('a brand new password', user.passwordHash)).toBe(true);
  });

  test('refuses an unknown email', async () => {
    await add();
    const result = await data.run(['user', 'passwd', '--email', 'nobody@example.com', '--password-stdin'], { stdin: TEST_PASSWORD });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No user has the email nobody@example.com.');
  });

  test('refuses a short password and keeps the old one', async () => {
    await add();
    const result = await data.run(['user', 'passwd', '--email', 'mona@example.com', '--password-stdin'], { stdin: 'short' });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('Password: Use at least 10 characters.\n');
    const user = withDatabase(data, ({ db }) => findUserByEmail(db, 'mona@example.com')!);
    expect(await verifyPassword(TEST_PASSWORD, user.passwordHash)).toBe(true);
  });
});

describe('rasil user list', () => {
  test('prints a table with email, name, role, status and creation time', async () => {
    await add();
    await add({ email: 'sami@example.com', name: 'Sami', role: 'agent' });
    await data.run(['user', 'disable', '--email', 'sami@example.com']);
    const result = await data.run(['user', 'list']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^EMAIL\s+NAME\s+ROLE\s+STATUS\s+CREATED$/);
    expect(lines[1]).toMatch(/^mona@example\.com\s+Mona\s+admin\s+active\s+\d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
    expect(lines[2]).toMatch(/^sami@example\.com\s+Sami\s+agent\s+disabled\s+/);
  });

  test('prints JSON with --json', async () => {
    await add();
    const result = await data.run(['user', 'list', '--json']);
    expect(result.code).toBe(0);
    const users = JSON.parse(result.stdout);
    expect(users).toEqual([{ id: expect.stringMatching(/^usr_/), email: 'mona@example.com', name: 'Mona', role: 'admin', status: 'active', createdAt: expect.any(String) }]);
  });
});

describe('rasil user disable and enable', () => {
  test('disables a user, ends their sessions, and enables them again', async () => {
    await add();
    await add({ email: 'sami@example.com', name: 'Sami', role: 'agent' });
    withDatabase(data, ({ db }) => startSession(db, { userId: findUserByEmail(db, 'sami@example.com')!.id, now: 1, ip: '', userAgent: '' }));

    const disabled = await data.run(['user', 'disable', '--email', 'sami@example.com']);
    expect(disabled.code).toBe(0);
    expect(withDatabase(data, ({ db }) => [findUserByEmail(db, 'sami@example.com')!.disabledAt !== null, db.select().from(sessions).all().length])).toEqual([true, 0]);

    const enabled = await data.run(['user', 'enable', '--email', 'sami@example.com']);
    expect(enabled.code).toBe(0);
    expect(withDatabase(data, ({ db }) => findUserByEmail(db, 'sami@example.com')!.disabledAt)).toBeNull();
  });

  test('refuses to disable the last active admin', async () => {
    await add();
    const result = await data.run(['user', 'disable', '--email', 'mona@example.com']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('Rasil needs at least one active admin. Make someone else an admin first.\n');
    expect(withDatabase(data, ({ db }) => findUserByEmail(db, 'mona@example.com')!.disabledAt)).toBeNull();
  });

  test('refuses an unknown action', async () => {
    const result = await data.run(['user', 'remove', '--email', 'mona@example.com']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Unknown action "remove" for rasil user');
  });
});

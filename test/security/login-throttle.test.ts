import { afterEach, beforeEach, describe, expect, setDefaultTimeout, test } from 'bun:test';
import { createTestApp, type TestApp } from '../support/test-app';
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_CLIENT, THROTTLE_WINDOW_MS } from '../../src/accounts/login-throttle';
import { signIn } from '../../src/accounts/sign-in';
import { auditLog } from '../../src/audit/audit.tables';
import { eq } from 'drizzle-orm';

// Each real password check is a deliberate argon2id (64 MiB, ~70 ms on a quiet core, far more on a loaded one).
setDefaultTimeout(30_000);

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.cleanup());

const attempt = (email: string, password: string, ip = '203.0.113.7') => signIn({ email, password, ip, userAgent: 'test' }, t.deps);

describe('login throttling', () => {
  test('a parallel burst of 50 wrong passwords gets exactly the allowed number of real checks', async () => {
    const { email } = await t.signedIn('agent');
    const results = await Promise.all(Array.from({ length: 50 }, () => attempt(email, 'wrong password!!')));
    const checked = results.filter((r) => !r.ok && r.reason === 'invalid').length;
    const throttled = results.filter((r) => !r.ok && r.reason === 'throttled').length;
    expect(checked).toBe(MAX_FAILURES_PER_ACCOUNT);
    expect(throttled).toBe(50 - MAX_FAILURES_PER_ACCOUNT);
  });

  test('locks out even the right password until the window passes, then lets it in', async () => {
    const { email, password } = await t.signedIn('agent');
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await attempt(email, 'wrong password!!');
    expect(await attempt(email, password)).toMatchObject({ ok: false, reason: 'throttled' });
    t.clock.advance(THROTTLE_WINDOW_MS + 1);
    expect((await attempt(email, password)).ok).toBe(true);
  });

  test('counts per client too, so spraying many accounts from one address is stopped', async () => {
    const results = [];
    for (let i = 0; i < MAX_FAILURES_PER_CLIENT + 3; i++) results.push(await attempt(`user${i}@example.com`, 'wrong password!!'));
    expect(results.slice(MAX_FAILURES_PER_CLIENT).every((r) => !r.ok && r.reason === 'throttled')).toBe(true);
  });

  test('ignores a client-supplied X-Forwarded-For unless a local proxy is trusted', async () => {
    const { email } = await t.signedIn('agent');
    const client = t.client();
    await client.load('/login');
    const statuses: number[] = [];
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT + 2; i++) {
      const response = await client.request('/login', { method: 'POST', form: { email, password: 'wrong password!!' }, headers: { 'x-forwarded-for': `198.51.100.${i}` } });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, MAX_FAILURES_PER_ACCOUNT).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(MAX_FAILURES_PER_ACCOUNT).every((s) => s === 429)).toBe(true);
  });

  test('records failed and throttled attempts in the audit log', async () => {
    const { email } = await t.signedIn('agent');
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT + 1; i++) await attempt(email, 'wrong password!!');
    const failed = t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'login.failed')).all();
    const throttled = t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'login.throttled')).all();
    expect(failed.length).toBe(MAX_FAILURES_PER_ACCOUNT);
    expect(throttled.length).toBe(1);
  });
});

import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app';
import { countUsers, findUserByEmail } from '../../src/accounts/users.repository';
import { getBusinessSettings } from '../../src/settings/business-settings';
import { auditLog } from '../../src/audit/audit.tables';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.cleanup());

const setupForm = {
  businessName: 'Qahwa House',
  timeZone: 'Asia/Riyadh',
  locale: 'ar',
  name: 'Mona',
  email: 'Owner@Example.com',
  password: TEST_PASSWORD,
  passwordConfirm: TEST_PASSWORD,
};

describe('first-run setup', () => {
  test('sends a visitor to /setup while no user exists', async () => {
    const response = await t.client().get('/');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/setup');
  });

  test('creates the owner as admin, saves the business settings and signs them in', async () => {
    const client = t.client();
    await client.load('/setup');
    const response = await client.post('/setup', setupForm);
    expect(response.status).toBe(303);
    const owner = findUserByEmail(t.deps.db, 'owner@example.com');
    expect(owner?.role).toBe('admin');
    expect(owner?.locale).toBe('ar');
    expect(getBusinessSettings(t.deps.db)).toEqual({ businessName: 'Qahwa House', timeZone: 'Asia/Riyadh', defaultLocale: 'ar' });
    expect((await client.get('/')).headers.get('location')).toBe('/conversations');
    const home = await client.get('/conversations');
    expect(home.status).toBe(200);
    const html = await home.text();
    expect(html).toContain('dir="rtl"');
    expect(html).toContain('Mona');
  });

  test('shows every field error at once and creates nothing when the form is wrong', async () => {
    const client = t.client();
    await client.load('/setup');
    const response = await client.post('/setup', { ...setupForm, businessName: '', timeZone: 'Mars/Base', email: 'nope', password: 'short', passwordConfirm: 'other' });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Enter your business name.');
    expect(html).toContain('Choose a time zone from the list');
    expect(html).toContain('Enter an email address');
    expect(html).toContain('Use at least 10 characters.');
    expect(html).toContain('The two passwords are different.');
    expect(countUsers(t.deps.db)).toBe(0);
  });

  test('refuses a second setup once an owner exists', async () => {
    const first = t.client();
    await first.load('/setup');
    await first.post('/setup', setupForm);
    const second = t.client();
    const page = await second.get('/setup');
    expect(page.status).toBe(303);
    await second.load('/login');
    const attempt = await second.post('/setup', { ...setupForm, email: 'intruder@example.com' });
    expect(attempt.status).toBe(303);
    expect(attempt.headers.get('location')).toBe('/login');
    expect(countUsers(t.deps.db)).toBe(1);
  });

  test('two simultaneous setups create exactly one owner', async () => {
    const a = t.client();
    const b = t.client();
    await Promise.all([a.load('/setup'), b.load('/setup')]);
    const results = await Promise.all([a.post('/setup', setupForm), b.post('/setup', { ...setupForm, email: 'second@example.com' })]);
    expect(countUsers(t.deps.db)).toBe(1);
    expect(results.map((r) => r.status).sort()).toEqual([303, 303]);
  });
});

describe('sign in and out', () => {
  test('issues a new session id at sign-in, ignoring one planted beforehand', async () => {
    const { email } = await t.signedIn('agent');
    const client = t.client();
    client.cookies.set('rasil_sid', 'planted-by-attacker');
    await client.signIn(email, TEST_PASSWORD);
    expect(client.cookies.get('rasil_sid')).not.toBe('planted-by-attacker');
    expect((await client.get('/conversations')).status).toBe(200);
  });

  test('rejects a wrong password with the same message as an unknown email', async () => {
    const { email } = await t.signedIn('agent');
    const client = t.client();
    await client.load('/login');
    const wrong = await client.post('/login', { email, password: 'wrong password!' });
    const unknown = await client.post('/login', { email: 'ghost@example.com', password: 'wrong password!' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.text()).toContain('That email and password do not match an active account.');
    expect(await unknown.text()).toContain('That email and password do not match an active account.');
  });

  test('sign-out ends the session and records it in the audit log', async () => {
    const { client } = await t.signedIn('agent');
    const response = await client.post('/logout');
    expect(response.status).toBe(303);
    expect((await client.get('/')).status).toBe(303);
    const actions = t.deps.db.select().from(auditLog).all().map((r) => r.action);
    expect(actions).toContain('login.succeeded');
    expect(actions).toContain('logout');
  });

  test('only follows a local next= path after sign-in', async () => {
    const { email } = await t.signedIn('agent');
    const client = t.client();
    await client.load('/login');
    const response = await client.post('/login', { email, password: TEST_PASSWORD, next: '//evil.example/steal' });
    expect(response.headers.get('location')).toBe('/');
  });
});

import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app';
import { countUsers, findUserByEmail } from '../../src/accounts/users.repository';
import { createInvite } from '../../src/accounts/invites';
import { saveBusinessSettings } from '../../src/settings/business-settings';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.cleanup());

const accept = { name: 'Noura', password: TEST_PASSWORD, passwordConfirm: TEST_PASSWORD };

/** An admin creates the invitation through the users page; returns the link's path. */
async function inviteThroughPage(email = 'noura@example.com', role = 'supervisor') {
  const { client } = await t.signedIn('admin');
  await client.load('/settings/users');
  const html = await (await client.post('/settings/users/invite', { email, role })).text();
  return new URL(html.match(/http:\/\/localhost\/invite\/[\w-]+/)![0]).pathname;
}

describe('accepting an invitation', () => {
  test('creates the account with the invited role and signs the person in', async () => {
    const path = await inviteThroughPage();
    const client = t.client();
    const form = await client.load(path);
    expect(form).toContain('noura@example.com');
    expect(form).toContain('Supervisor');
    const response = await client.post(path, accept);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
    expect(findUserByEmail(t.deps.db, 'noura@example.com')).toMatchObject({ name: 'Noura', role: 'supervisor' });
    expect((await client.get('/conversations')).status).toBe(200);
  });

  test('works only once: the second use shows the invalid-link page and creates no one', async () => {
    const path = await inviteThroughPage();
    const first = t.client();
    await first.load(path);
    await first.post(path, accept);
    const users = countUsers(t.deps.db);
    const second = t.client();
    const page = await second.get(path);
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('This invitation link is not valid any more.');
    await second.load('/login');
    const reuse = await second.post(path, { ...accept, name: 'Intruder' });
    expect(reuse.status).toBe(404);
    expect(countUsers(t.deps.db)).toBe(users);
  });

  test('refuses a link older than 72 hours', async () => {
    const path = await inviteThroughPage();
    const client = t.client();
    await client.load(path);
    t.clock.advance(73 * 60 * 60 * 1000);
    expect((await client.get(path)).status).toBe(404);
    const response = await client.post(path, accept);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('This invitation link is not valid any more.');
    expect(findUserByEmail(t.deps.db, 'noura@example.com')).toBeUndefined();
  });

  test('shows every field problem with 422 and keeps the link usable', async () => {
    const path = await inviteThroughPage();
    const client = t.client();
    await client.load(path);
    const response = await client.post(path, { name: '', password: 'short', passwordConfirm: 'other' });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Enter a name.');
    expect(html).toContain('Use at least 10 characters.');
    expect(html).toContain('The two passwords are different.');
    expect(findUserByEmail(t.deps.db, 'noura@example.com')).toBeUndefined();
    expect((await client.post(path, accept)).status).toBe(303);
  });

  test('answers an unknown token with the invalid-link page', async () => {
    const response = await t.client().get('/invite/not-a-real-token');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Link not valid any more');
  });

  test('starts the new member in the business default language', async () => {
    saveBusinessSettings({ businessName: 'Qahwa House', timeZone: 'Asia/Riyadh', defaultLocale: 'ar' }, { id: null, label: 'test' }, t.deps);
    const { token } = createInvite({ email: 'sara@example.com', role: 'agent' }, { id: null, label: 'test' }, t.deps);
    const client = t.client();
    await client.load(`/invite/${token}`);
    await client.post(`/invite/${token}`, accept);
    expect(findUserByEmail(t.deps.db, 'sara@example.com')?.locale).toBe('ar');
  });

  test('refuses an acceptance without the CSRF token and creates no one', async () => {
    const path = await inviteThroughPage();
    const client = t.client();
    await client.load(path);
    expect((await client.post(path, accept, { csrf: false })).status).toBe(403);
    expect(findUserByEmail(t.deps.db, 'noura@example.com')).toBeUndefined();
  });
});

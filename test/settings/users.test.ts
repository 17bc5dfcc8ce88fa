import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from '../support/test-app';
import { findUserById } from '../../src/accounts/users.repository';
import { invites } from '../../src/accounts/accounts.tables';
import { auditLog } from '../../src/audit/audit.tables';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.cleanup());

const auditActions = () => t.deps.db.select().from(auditLog).all().map((row) => row.action);

describe('user list', () => {
  test('lists every user with role and status', async () => {
    const { client } = await t.signedIn('admin', { name: 'Mona Admin' });
    await t.signedIn('agent', { name: 'Sami Agent', email: 'sami@example.com' });
    const html = await client.load('/settings/users');
    expect(html).toContain('Mona Admin');
    expect(html).toContain('sami@example.com');
    expect(html).toContain('<option value="agent" selected>Agent</option>');
    expect(html).toContain('class="table-wrap');
  });
});

describe('role changes', () => {
  test('changes a role, signs that user out everywhere, and audits it', async () => {
    const { client } = await t.signedIn('admin');
    const agent = await t.signedIn('agent');
    expect((await agent.client.get('/conversations')).status).toBe(200);
    await client.load('/settings/users');
    const response = await client.post(`/settings/users/${agent.userId}/role`, { role: 'supervisor' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/settings/users?done=role');
    expect(findUserById(t.deps.db, agent.userId)?.role).toBe('supervisor');
    const next = await agent.client.get('/');
    expect(next.status).toBe(303);
    expect(next.headers.get('location')).toBe('/login');
    expect(auditActions()).toContain('user.role_changed');
    expect(await client.load('/settings/users?done=role')).toContain('Role changed.');
  });

  test('refuses to demote the last admin and says why', async () => {
    const { client, userId } = await t.signedIn('admin');
    await client.load('/settings/users');
    const response = await client.post(`/settings/users/${userId}/role`, { role: 'agent' });
    expect(response.status).toBe(409);
    expect(response.headers.get('hx-push-url')).toBe('/settings/users');
    expect(await response.text()).toContain('Rasil needs at least one active admin.');
    expect(findUserById(t.deps.db, userId)?.role).toBe('admin');
  });

  test('refuses a role that does not exist with 422', async () => {
    const { client } = await t.signedIn('admin');
    const agent = await t.signedIn('agent');
    await client.load('/settings/users');
    const response = await client.post(`/settings/users/${agent.userId}/role`, { role: 'owner' });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Choose one of the roles in the list.');
    expect(findUserById(t.deps.db, agent.userId)?.role).toBe('agent');
  });

  test('answers 404 for a user that does not exist', async () => {
    const { client } = await t.signedIn('admin');
    await client.load('/settings/users');
    expect((await client.post('/settings/users/usr_nobody/role', { role: 'agent' })).status).toBe(404);
  });
});

describe('disabling and enabling', () => {
  test('disables a user, which signs them out, and enables them again', async () => {
    const { client } = await t.signedIn('admin');
    const agent = await t.signedIn('agent');
    await client.load('/settings/users');
    const disabled = await client.post(`/settings/users/${agent.userId}/disable`);
    expect(disabled.headers.get('location')).toBe('/settings/users?done=disabled');
    expect(findUserById(t.deps.db, agent.userId)?.disabledAt).not.toBeNull();
    expect((await agent.client.get('/')).status).toBe(303);
    await client.post(`/settings/users/${agent.userId}/enable`);
    expect(findUserById(t.deps.db, agent.userId)?.disabledAt).toBeNull();
    expect(auditActions()).toEqual(expect.arrayContaining(['user.disabled', 'user.enabled']));
  });

  test('refuses to let an admin disable their own account', async () => {
    const { client, userId } = await t.signedIn('admin');
    await t.signedIn('admin');
    await client.load('/settings/users');
    const response = await client.post(`/settings/users/${userId}/disable`);
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('You cannot disable your own account.');
    expect(findUserById(t.deps.db, userId)?.disabledAt).toBeNull();
    expect((await client.get('/settings/users')).status).toBe(200);
  });
});

describe('invitations', () => {
  test('shows the invitation link once and lists the invitation as pending', async () => {
    const { client } = await t.signedIn('admin');
    await client.load('/settings/users');
    const response = await client.post('/settings/users/invite', { email: 'New.Person@Example.com', role: 'agent' });
    expect(response.status).toBe(200);
    const html = await response.text();
    const link = html.match(/http:\/\/localhost\/invite\/[\w-]+/)?.[0];
    expect(link).toBeDefined();
    expect(html).toContain('data-copy="#invite-link"');
    const again = await client.load('/settings/users');
    expect(again).not.toContain(link!);
    expect(again).toContain('new.person@example.com');
    expect(auditActions()).toContain('invite.created');
  });

  test('refuses a malformed email with 422 and creates no invitation', async () => {
    const { client } = await t.signedIn('admin');
    await client.load('/settings/users');
    const response = await client.post('/settings/users/invite', { email: 'not-an-email', role: 'agent' });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Enter an email address such as name@example.com.');
    expect(t.deps.db.select().from(invites).all()).toEqual([]);
  });

  test('refuses to invite an email that already has an account', async () => {
    const { client, email } = await t.signedIn('admin');
    await client.load('/settings/users');
    const response = await client.post('/settings/users/invite', { email, role: 'agent' });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Someone already uses this email address.');
    expect(t.deps.db.select().from(invites).all()).toEqual([]);
  });
});

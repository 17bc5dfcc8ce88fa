import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from '../support/test-app';
import { authenticateApiToken, createApiToken } from '../../src/accounts/api-tokens';
import { apiTokens } from '../../src/accounts/accounts.tables';
import { auditLog } from '../../src/audit/audit.tables';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.cleanup());

const auditActions = () => t.deps.db.select().from(auditLog).all().map((row) => row.action);

describe('API tokens page', () => {
  test('shows a new token once, and the token authenticates', async () => {
    const { client } = await t.signedIn('admin');
    await client.load('/settings/api-tokens');
    const response = await client.post('/settings/api-tokens', { name: 'CRM sync' });
    expect(response.status).toBe(200);
    const token = (await response.text()).match(/rsl_[\w-]+/)?.[0];
    expect(token).toBeDefined();
    expect(authenticateApiToken(t.deps.db, token, t.clock.now())?.name).toBe('CRM sync');
    const later = await client.load('/settings/api-tokens');
    expect(later).toContain('CRM sync');
    expect(later).not.toContain(token!);
    expect(auditActions()).toContain('token.created');
  });

  test('revokes a token so it no longer authenticates', async () => {
    const { token, id } = createApiToken({ name: 'Old script' }, { id: null, label: 'test' }, t.deps);
    const { client } = await t.signedIn('admin');
    await client.load('/settings/api-tokens');
    const response = await client.post(`/settings/api-tokens/${id}/revoke`);
    expect(response.headers.get('location')).toBe('/settings/api-tokens?revoked=1');
    expect(authenticateApiToken(t.deps.db, token, t.clock.now())).toBeUndefined();
    const html = await client.load('/settings/api-tokens?revoked=1');
    expect(html).toContain('Token revoked.');
    expect(html).toContain('Revoked');
    expect(auditActions()).toContain('token.revoked');
  });

  test('refuses a token without a name with 422 and creates none', async () => {
    const { client } = await t.signedIn('admin');
    await client.load('/settings/api-tokens');
    const response = await client.post('/settings/api-tokens', { name: '  ' });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Enter a name.');
    expect(t.deps.db.select().from(apiTokens).all()).toEqual([]);
  });

  test('escapes a token name that contains markup', async () => {
    createApiToken({ name: '<img src=x onerror=alert(1)>' }, { id: null, label: 'test' }, t.deps);
    const { client } = await t.signedIn('admin');
    const html = await client.load('/settings/api-tokens');
    // Inside a quoted attribute (the confirm question) a raw "<" is inert text; as element content it must be escaped.
    expect(html).not.toMatch(/>\s*<img src=x/);
    expect(html).toContain('<td dir="auto">&lt;img src=x onerror=alert(1)&gt;</td>');
  });
});

import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../support/test-app';
import { apiTokens, invites } from '../../src/accounts/accounts.tables';
import { teams } from '../../src/teams/teams.tables';
import { getBusinessSettings } from '../../src/settings/business-settings';
import type { Role } from '../../src/accounts/accounts.tables';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.cleanup());

const ADMIN_PAGES = ['/settings/business', '/settings/users', '/settings/api-tokens', '/settings/backups', '/settings/audit'];
const ADMIN_POSTS: [string, Record<string, string>][] = [
  ['/settings/business', { businessName: 'Taken Over', timeZone: 'Asia/Dubai', defaultLocale: 'ar' }],
  ['/settings/users/invite', { email: 'friend@example.com', role: 'admin' }],
  ['/settings/api-tokens', { name: 'backdoor' }],
  ['/settings/backups', {}],
];
const NON_ADMINS: Role[] = ['supervisor', 'agent', 'analyst'];

function nothingChanged() {
  expect(getBusinessSettings(t.deps.db).businessName).toBe('Rasil');
  expect(t.deps.db.select().from(invites).all()).toEqual([]);
  expect(t.deps.db.select().from(apiTokens).all()).toEqual([]);
  const backups = join(t.deps.config.dataDir, 'backups');
  expect(existsSync(backups) ? readdirSync(backups) : []).toEqual([]);
}

describe('admin settings pages', () => {
  for (const role of NON_ADMINS) {
    test(`refuses every admin page to the ${role} role with 403`, async () => {
      const { client } = await t.signedIn(role);
      for (const path of ADMIN_PAGES) expect([path, (await client.get(path)).status]).toEqual([path, 403]);
    });

    test(`refuses every admin form post from the ${role} role with 403 and changes nothing`, async () => {
      const { client } = await t.signedIn(role);
      for (const [path, form] of ADMIN_POSTS) expect([path, (await client.post(path, form)).status]).toEqual([path, 403]);
      nothingChanged();
    });
  }

  test('sends an anonymous visitor of each page to sign in', async () => {
    const client = t.client();
    for (const path of [...ADMIN_PAGES, '/settings/teams']) {
      const response = await client.get(path);
      expect([path, response.status, response.headers.get('location')]).toEqual([path, 303, `/login?next=${encodeURIComponent(path)}`]);
    }
  });

  test('sends an anonymous form post to sign in and changes nothing', async () => {
    await t.signedIn('admin');
    const client = t.client();
    await client.load('/login');
    for (const [path, form] of ADMIN_POSTS) expect([path, (await client.post(path, form)).status]).toEqual([path, 303]);
    nothingChanged();
  });

  test('refuses admin form posts without the CSRF token with 403 and changes nothing', async () => {
    const { client } = await t.signedIn('admin');
    await client.load('/settings/users');
    for (const [path, form] of ADMIN_POSTS) expect([path, (await client.post(path, form, { csrf: false })).status]).toEqual([path, 403]);
    nothingChanged();
  });
});

describe('teams page access', () => {
  for (const role of ['agent', 'analyst'] as const) {
    test(`refuses the teams page and team creation to an ${role}`, async () => {
      const { client } = await t.signedIn(role);
      expect((await client.get('/settings/teams')).status).toBe(403);
      expect((await client.post('/settings/teams', { name: 'Sales', description: '' })).status).toBe(403);
      expect(t.deps.db.select().from(teams).all()).toEqual([]);
    });
  }

  test('shows the settings links each role may use, and no others', async () => {
    const { client } = await t.signedIn('supervisor');
    const html = await client.load('/settings/teams');
    expect(html).toContain('href="/settings/teams"');
    expect(html).not.toContain('href="/settings/users"');
    expect(html).not.toContain('href="/settings/backups"');
  });
});

import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from '../support/test-app';
import { getBusinessSettings, saveBusinessSettings } from '../../src/settings/business-settings';
import { auditLog } from '../../src/audit/audit.tables';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
  saveBusinessSettings({ businessName: 'Qahwa House', timeZone: 'UTC', defaultLocale: 'en' }, { id: null, label: 'test' }, t.deps);
});
afterEach(() => t.cleanup());

const form = { businessName: 'Qahwa House', timeZone: 'Asia/Riyadh', defaultLocale: 'ar' };
const auditActions = () => t.deps.db.select().from(auditLog).all().map((row) => row.action);

describe('business settings page', () => {
  test('shows the current name, time zone and default language to an admin', async () => {
    const { client } = await t.signedIn('admin');
    const html = await client.load('/settings/business');
    expect(html).toContain('value="Qahwa House"');
    expect(html).toContain('<option value="UTC" selected>UTC</option>');
    expect(html).toContain('Asia/Riyadh');
  });

  test('saves a new time zone and records it in the audit log', async () => {
    const { client } = await t.signedIn('admin');
    await client.load('/settings/business');
    const before = auditActions().filter((a) => a === 'settings.changed').length;
    const response = await client.post('/settings/business', form);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/settings/business?saved=1');
    expect(getBusinessSettings(t.deps.db)).toEqual({ businessName: 'Qahwa House', timeZone: 'Asia/Riyadh', defaultLocale: 'ar' });
    expect(auditActions().filter((a) => a === 'settings.changed').length).toBe(before + 1);
    expect(await (await client.get('/settings/business?saved=1')).text()).toContain('Business settings saved.');
  });

  test('refuses an unknown time zone with 422 and changes nothing', async () => {
    const { client } = await t.signedIn('admin');
    await client.load('/settings/business');
    const response = await client.post('/settings/business', { ...form, timeZone: 'Mars/Olympus_Mons', businessName: '' });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Choose a time zone from the list');
    expect(html).toContain('Enter your business name.');
    expect(getBusinessSettings(t.deps.db).timeZone).toBe('UTC');
  });

  test('refuses a post without the CSRF token with 403 and changes nothing', async () => {
    const { client } = await t.signedIn('admin');
    await client.load('/settings/business');
    const response = await client.post('/settings/business', form, { csrf: false });
    expect(response.status).toBe(403);
    expect(getBusinessSettings(t.deps.db).timeZone).toBe('UTC');
  });

  test('speaks Arabic to an Arabic-speaking admin', async () => {
    const { client } = await t.signedIn('admin');
    await client.load('/settings/profile');
    await client.post('/settings/profile', { name: 'Mona', locale: 'ar' });
    const html = await client.load('/settings/business');
    expect(html).toContain('dir="rtl"');
    expect(html).toContain('لغة أعضاء الفريق الجدد');
  });
});

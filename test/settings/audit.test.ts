import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from '../support/test-app';
import { recordAudit } from '../../src/audit/record-audit';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.cleanup());

const record = (action: string, details: Record<string, unknown> = {}, targetId = '') => {
  t.clock.advance(1000);
  recordAudit(t.deps.db, { newId: t.deps.newId, now: t.clock.now() }, { id: null, label: 'cli', ip: '10.0.0.7' }, { action, targetType: 'user', targetId, details });
};

describe('audit log page', () => {
  test('lists entries newest first with translated labels, actor, target and IP', async () => {
    const { client } = await t.signedIn('admin');
    record('user.role_changed', { from: 'agent', to: 'supervisor' }, 'usr_first');
    record('custom.thing', {}, 'usr_second');
    const html = await client.load('/settings/audit');
    expect(html).toContain('Role changed');
    expect(html).toContain('custom.thing');
    expect(html).toContain('10.0.0.7');
    expect(html.indexOf('usr_second')).toBeLessThan(html.indexOf('usr_first'));
    expect(html).toContain('{&quot;from&quot;:&quot;agent&quot;,&quot;to&quot;:&quot;supervisor&quot;}');
  });

  test('filters by action', async () => {
    const { client } = await t.signedIn('admin');
    record('user.disabled', {}, 'usr_disabled');
    record('user.enabled', {}, 'usr_enabled');
    const html = await client.load('/settings/audit?action=user.disabled');
    expect(html).toContain('usr_disabled');
    expect(html).not.toContain('usr_enabled');
    expect(html).toContain('<option value="user.disabled" selected>User disabled</option>');
  });

  test('pages back through older entries', async () => {
    const { client } = await t.signedIn('admin');
    for (let i = 0; i < 60; i++) record('team.created', {}, `team_${String(i).padStart(2, '0')}`);
    const first = await client.load('/settings/audit?action=team.created');
    expect(first).toContain('team_59');
    expect(first).not.toContain('team_09');
    const older = first.match(/href="(\/settings\/audit\?action=team.created&(?:amp;)?before=aud_\w+)"/)?.[1];
    expect(older).toBeDefined();
    const second = await client.load(older!.replace('&amp;', '&'));
    expect(second).toContain('team_09');
    expect(second).not.toContain('team_59');
    expect(second).not.toContain('Older entries');
  });

  test('escapes markup in details and labels', async () => {
    const { client } = await t.signedIn('admin');
    record('<b>odd</b>', { note: '<script>alert(1)</script>' });
    const html = await client.load('/settings/audit');
    expect(html).not.toContain('<script>alert(1)</script>');
    // A raw "<" inside a quoted attribute (the filter option's value) is inert; as element content it must be escaped.
    expect(html).not.toMatch(/>\s*<b>odd/);
    expect(html).toContain('<span>&lt;b&gt;odd&lt;/b&gt;</span>');
    expect(html).toContain('&lt;script&gt;');
  });

  test('ignores an unknown action filter and a malformed cursor', async () => {
    const { client } = await t.signedIn('admin');
    record('user.disabled', {}, 'usr_disabled');
    const response = await client.get('/settings/audit?action=nope&before=%27%20OR%201=1');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('usr_disabled');
  });
});

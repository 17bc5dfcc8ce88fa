import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from '../support/test-app';
import { findUserById } from '../../src/accounts/users.repository';

let t: TestApp;
beforeEach(() => (t = createTestApp()));
afterEach(() => t.cleanup());

describe('new-message alert settings', () => {
  test('saves desktop and sound alerts from the profile page', async () => {
    const { client, userId } = await t.signedIn('agent');
    const html = await client.load('/settings/profile');
    expect(html).toContain('name="notifyDesktop"');
    const response = await client.post('/settings/notifications', { notifyDesktop: '1', notifySound: '1' });
    expect(response.status).toBe(303);
    const user = findUserById(t.deps.db, userId)!;
    expect([user.notifyDesktop, user.notifySound]).toEqual([true, true]);
  });

  test('turns an alert off when its box is left unticked', async () => {
    const { client, userId } = await t.signedIn('agent');
    await client.post('/settings/notifications', { notifyDesktop: '1', notifySound: '1' });
    await client.post('/settings/notifications', { notifySound: '1' });
    const user = findUserById(t.deps.db, userId)!;
    expect([user.notifyDesktop, user.notifySound]).toEqual([false, true]);
  });

  test('does not offer alerts to an analyst, who has no conversations', async () => {
    const { client } = await t.signedIn('analyst');
    expect(await client.load('/settings/profile')).not.toContain('name="notifyDesktop"');
    expect((await client.post('/settings/notifications', { notifyDesktop: '1' })).status).toBe(403);
  });
});

describe('the signed-in shell', () => {
  test('connects an inbox user’s pages to the live stream and shows the presence menu slot', async () => {
    const { client } = await t.signedIn('agent');
    const html = await client.load('/settings/profile');
    expect(html).toContain('hx-sse:connect="/events"');
    expect(html).toContain('id="presence-menu"');
    expect(html).toContain('class="unread-badge"');
  });

  test('gives an analyst no live stream', async () => {
    const { client } = await t.signedIn('analyst');
    const html = await client.load('/settings/profile');
    expect(html).not.toContain('hx-sse:connect');
    expect(html).not.toContain('id="presence-menu"');
  });
});

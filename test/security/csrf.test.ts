import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from '../support/test-app';
import { findUserById } from '../../src/accounts/users.repository';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.cleanup());

describe('CSRF defence on state-changing requests', () => {
  test('refuses a form post without the token and changes nothing', async () => {
    const { client, userId } = await t.signedIn('agent', { name: 'Before' });
    const response = await client.post('/settings/profile', { name: 'After', locale: 'en' }, { csrf: false });
    expect(response.status).toBe(403);
    expect(findUserById(t.deps.db, userId)?.name).toBe('Before');
  });

  test('refuses a token from another session', async () => {
    const { client: mallory } = await t.signedIn('agent');
    const { client, userId } = await t.signedIn('agent', { name: 'Before' });
    const response = await client.post('/settings/profile', { name: 'After', locale: 'en', _csrf: mallory.csrfToken });
    expect(response.status).toBe(403);
    expect(findUserById(t.deps.db, userId)?.name).toBe('Before');
  });

  test('refuses a cross-site request even when it carries the right token', async () => {
    const { client, userId } = await t.signedIn('agent', { name: 'Before' });
    const response = await client.request('/settings/profile', {
      method: 'POST',
      form: { name: 'After', locale: 'en' },
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(response.status).toBe(403);
    expect(findUserById(t.deps.db, userId)?.name).toBe('Before');
  });

  test('refuses a foreign Origin even with the right token', async () => {
    const { client, userId } = await t.signedIn('agent', { name: 'Before' });
    const response = await client.request('/settings/profile', { method: 'POST', form: { name: 'After', locale: 'en' }, headers: { origin: 'https://evil.example' } });
    expect(response.status).toBe(403);
    expect(findUserById(t.deps.db, userId)?.name).toBe('Before');
  });

  test('accepts the token in the X-CSRF-Token header, as htmx sends it', async () => {
    const { client, userId } = await t.signedIn('agent', { name: 'Before' });
    const response = await client.request('/settings/profile', {
      method: 'POST',
      form: { name: 'After', locale: 'en' },
      csrf: false,
      headers: { 'x-csrf-token': client.csrfToken, origin: 'http://localhost', 'sec-fetch-site': 'same-origin' },
    });
    expect(response.status).toBe(303);
    expect(findUserById(t.deps.db, userId)?.name).toBe('After');
  });

  test('protects the anonymous login form with the pre-session token', async () => {
    const { email, password } = await t.signedIn('agent');
    const client = t.client();
    await client.load('/login');
    const response = await client.post('/login', { email, password }, { csrf: false });
    expect(response.status).toBe(403);
    expect(client.cookies.has('rasil_sid')).toBe(false);
  });
});

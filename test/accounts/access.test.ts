import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from '../support/test-app';
import type { TestClient } from '../support/test-client';

/**
 * Walks the real route table. Only the routes listed here may answer someone who is not signed in; every other
 * route must send them to the login page (or 401 for htmx partials) without doing anything.
 */
const PUBLIC_ROUTES = new Set([
  'GET /',
  'GET /setup',
  'POST /setup',
  'GET /login',
  'POST /login',
  'POST /logout',
  'POST /locale',
  'GET /healthz',
  'GET /static/:name',
  'GET /invite/:token',
  'POST /invite/:token',
  'ALL /*',
]);

/** Settings sections every signed-in role may use; everything else under /settings is for admins (teams: managers). */
const OPEN_TO_ALL_ROLES = [/^\/settings$/, /^\/settings\/profile$/, /^\/settings\/password$/];
const MANAGERS = [/^\/settings\/teams/];
/** Settings every inbox user manages for themself (agents yes, analysts no). */
const INBOX_USER_SETTINGS = [/^\/settings\/canned-responses/, /^\/settings\/notifications$/];

let t: TestApp;
let routes: { method: string; path: string }[];
beforeAll(async () => {
  t = createTestApp();
  // With no users every page leads to first-run setup; an owner makes the login page (and its token) appear.
  await t.signedIn('admin');
  routes = t.app.routes
    .map((r) => ({ method: r.method, path: r.path }))
    .filter((r) => !PUBLIC_ROUTES.has(`${r.method} ${r.path}`) && !r.path.startsWith('/webhooks/') && !r.path.startsWith('/api/') && !r.path.startsWith('/sandbox/graph/'));
});
afterAll(() => t.cleanup());

const concrete = (path: string) => path.replace(/:(\w+)/g, 'x_$1');

async function call(client: TestClient, method: string, path: string, init: { htmx?: boolean } = {}) {
  if (method === 'GET') return client.get(concrete(path), init);
  return client.request(concrete(path), { method, form: {}, ...init });
}

describe('access control over the whole route table', () => {
  test('the route table holds protected routes to check', () => {
    expect(routes.length).toBeGreaterThan(2);
  });

  test('every non-public route sends an anonymous visitor to sign in and does nothing', async () => {
    const anonymous = t.client();
    await anonymous.load('/login');
    const leaks: string[] = [];
    for (const { method, path } of routes) {
      const response = await call(anonymous, method, path);
      const location = response.headers.get('location') ?? '';
      if (!(response.status === 303 && location.startsWith('/login'))) leaks.push(`${method} ${path} → ${response.status}`);
    }
    expect(leaks).toEqual([]);
  });

  test('an htmx partial without a session gets 401 and an HX-Redirect to the login page', async () => {
    const anonymous = t.client();
    const response = await anonymous.get('/settings/profile', { htmx: true });
    expect(response.status).toBe(401);
    expect(response.headers.get('hx-redirect')).toBe('/login');
  });

  for (const role of ['agent', 'analyst'] as const) {
    test(`an ${role} is refused every admin-only settings route`, async () => {
      const { client } = await t.signedIn(role);
      const adminOnly = routes.filter(
        (r) =>
          r.path.startsWith('/settings') &&
          !OPEN_TO_ALL_ROLES.some((re) => re.test(r.path)) &&
          !MANAGERS.some((re) => re.test(r.path)) &&
          !(role === 'agent' && INBOX_USER_SETTINGS.some((re) => re.test(r.path))),
      );
      const leaks: string[] = [];
      for (const { method, path } of adminOnly) {
        const response = await call(client, method, path);
        if (response.status !== 403) leaks.push(`${method} ${path} → ${response.status}`);
      }
      expect(leaks).toEqual([]);
    });
  }
});

import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.cleanup());

describe('web shell', () => {
  test('healthz answers 200 with the version while the database is reachable', async () => {
    const response = await t.client().get('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', version: '0.0.0-test', db: 'ok' });
  });

  test('healthz answers 503 when the database is gone', async () => {
    t.deps.sqlite.close();
    const response = await t.client().get('/healthz');
    expect(response.status).toBe(503);
    expect((await response.json()).db).toBe('error');
  });

  test('every page carries a CSP without unsafe-inline or unsafe-eval, and the other security headers', async () => {
    const response = await t.client().get('/setup');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });

  test('answers 413 from Content-Length alone when a body is over the limit', async () => {
    const response = await t.client().request('/login', { method: 'POST', headers: { 'content-length': String(2 * 1024 * 1024) }, body: 'x' });
    expect(response.status).toBe(413);
  });

  test('unknown pages get a 404 page in the visitor language', async () => {
    const response = await t.client().get('/no/such/page', { headers: { 'accept-language': 'ar' } });
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain('dir="rtl"');
    expect(html).toContain('الصفحة غير موجودة');
  });

  test('an htmx partial gets a fragment, not a whole page, for an error', async () => {
    const response = await t.client().get('/no/such/page', { htmx: true });
    const html = await response.text();
    expect(response.status).toBe(404);
    expect(html).not.toContain('<html');
    expect(html).toContain('role="alert"');
  });

  test('serves htmx 4 and the stylesheet from the embedded assets, and 404 for anything else', async () => {
    const client = t.client();
    const htmx = await client.get('/static/htmx.min.js');
    expect(htmx.status).toBe(200);
    expect(htmx.headers.get('content-type')).toContain('javascript');
    expect(await htmx.text()).toContain('4.0.1');
    expect((await client.get('/static/app.css')).status).toBe(200);
    expect((await client.get('/static/..%2Fpackage.json')).status).toBe(404);
  });

  test('the language switch stores the choice and the next page is in Arabic, right to left', async () => {
    await t.signedIn('admin');
    const client = t.client();
    await client.load('/login');
    const response = await client.post('/locale', { locale: 'ar', next: '/login' });
    expect(response.status).toBe(303);
    const html = await client.load('/login');
    expect(html).toContain('lang="ar" dir="rtl"');
    expect(html).toContain('تسجيل الدخول');
  });
});

import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from '../support/test-app';
import type { TestClient } from '../support/test-client';

/**
 * Paths built from request input never reach the file system as given: static assets are looked up by name in
 * the embedded list, media by id in the database (files are stored under their content hash), backups by name in
 * the listing. Every traversal attempt is a 404 (or 400) with nothing of the file in the answer.
 */
const TRAVERSALS = ['../../../../etc/passwd', '..%2F..%2F..%2F..%2Fetc%2Fpasswd', '..%252F..%252Fetc%252Fpasswd', '....//....//etc/passwd', '%2e%2e/%2e%2e/etc/passwd', '..\\..\\etc\\passwd', '/etc/passwd', 'rasil.db', '..%2Frasil.db'];
const PREFIXES = ['/static/', '/media/', '/settings/backups/download/', '/settings/backups/'];

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = createTestApp();
  ({ client: admin } = await t.signedIn('admin'));
});
afterAll(() => t.cleanup());

describe('path traversal', () => {
  test('no static, media or backup path made of ../ or encoded variants returns a file outside its folder', async () => {
    const leaks: string[] = [];
    for (const prefix of PREFIXES) {
      for (const attempt of TRAVERSALS) {
        const response = await admin.get(`${prefix}${attempt}`);
        const body = await response.text();
        if (response.status < 400 || /root:x:0:0|SQLite format 3/.test(body)) leaks.push(`${prefix}${attempt} → ${response.status}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});

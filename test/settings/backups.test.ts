import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../support/test-app';
import { auditLog } from '../../src/audit/audit.tables';
import { backupsDir } from '../../src/backups/backup-paths';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.cleanup());

const auditActions = () => t.deps.db.select().from(auditLog).all().map((row) => row.action);
const backupNames = () => readdirSync(backupsDir(t.deps.config));

describe('backups page', () => {
  test('"Back up now" writes a manual backup, lists it and audits it', async () => {
    const { client } = await t.signedIn('admin');
    await client.load('/settings/backups');
    const response = await client.post('/settings/backups');
    expect(response.status).toBe(303);
    expect(backupNames()).toEqual(['rasil-manual-2026-11-24T09-00-00Z.db']);
    const html = await client.load(response.headers.get('location')!);
    expect(html).toContain('Backup rasil-manual-2026-11-24T09-00-00Z.db written.');
    expect(html).toContain('href="/settings/backups/rasil-manual-2026-11-24T09-00-00Z.db" download=');
    expect(auditActions()).toContain('backup.created');
  });

  test('explains a second backup within the same second instead of failing', async () => {
    const { client } = await t.signedIn('admin');
    await client.load('/settings/backups');
    await client.post('/settings/backups');
    const again = await client.post('/settings/backups');
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('A backup was written a moment ago.');
    expect(backupNames()).toHaveLength(1);
  });

  test('downloads a backup as an attachment and audits the download', async () => {
    const { client } = await t.signedIn('admin');
    await client.load('/settings/backups');
    await client.post('/settings/backups');
    const name = backupNames()[0]!;
    const response = await client.get(`/settings/backups/${name}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${name}"`);
    expect(new TextDecoder().decode((await response.arrayBuffer()).slice(0, 15))).toBe('SQLite format 3');
    const row = t.deps.db.select().from(auditLog).all().find((r) => r.action === 'backup.downloaded');
    expect(row?.targetId).toBe(name);
  });

  test('serves nothing for a path outside backups/ or an unknown name', async () => {
    const dir = backupsDir(t.deps.config);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'notes.txt'), 'private');
    const { client } = await t.signedIn('admin');
    for (const path of ['/settings/backups/..%2Frasil.db', '/settings/backups/%2E%2E%2Frasil.db', '/settings/backups/notes.txt', '/settings/backups/rasil-manual-2020-01-01T00-00-00Z.db']) {
      const response = await client.get(path);
      expect([path, response.status]).toEqual([path, 404]);
      expect(await response.text()).not.toContain('SQLite format');
    }
    expect(auditActions()).not.toContain('backup.downloaded');
  });

  test('refuses downloads to anyone but an admin', async () => {
    const admin = await t.signedIn('admin');
    await admin.client.load('/settings/backups');
    await admin.client.post('/settings/backups');
    const { client } = await t.signedIn('supervisor');
    expect((await client.get(`/settings/backups/${backupNames()[0]}`)).status).toBe(403);
    expect(auditActions()).not.toContain('backup.downloaded');
  });
});

import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../../support/test-app';
import { media } from '../../../src/conversations/conversations.tables';
import { storeMediaFile } from '../../../src/conversations/media-files';
import { markMediaDownloaded } from '../../../src/conversations/media.repository';
import { addTestChannel, deliver, inboundMessage, messagesPayload } from '../../support/whatsapp-webhooks';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
  addTestChannel(t.deps);
});
afterEach(() => t.cleanup());

/** A customer file that has been downloaded and stored, as the worker leaves it. */
async function storedFile(mimeType: string, bytes: string, fileName = '') {
  await deliver(t.app, t.deps, messagesPayload([inboundMessage('document', { id: `M${Math.random()}`, mime_type: mimeType, filename: fileName })]));
  const row = t.deps.db.select().from(media).all().at(-1)!;
  const contentHash = await storeMediaFile(join(t.deps.config.dataDir, 'media'), new TextEncoder().encode(bytes));
  markMediaDownloaded(t.deps.db, row.id, { contentHash, bytes: bytes.length, mimeType, now: t.clock.now() });
  return row.id;
}

describe('GET /media/:mediaId', () => {
  test('serves a JPEG inline with its stored type, nosniff and a sandbox CSP', async () => {
    const id = await storedFile('image/jpeg', 'jpeg-bytes');
    const { client } = await t.signedIn('agent');
    const response = await client.get(`/media/${id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('content-disposition')).toBe('inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    expect(await response.text()).toBe('jpeg-bytes');
  });

  test('serves SVG as a download, never inline', async () => {
    const id = await storedFile('image/svg+xml', '<svg onload="alert(1)"/>', 'logo.svg');
    const { client } = await t.signedIn('agent');
    const response = await client.get(`/media/${id}`);
    expect(response.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''logo.svg");
    expect(response.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  test('serves HTML as a download with the sender’s name percent-encoded', async () => {
    const id = await storedFile('text/html', '<script>alert(1)</script>', '../../evil "page".html');
    const { client } = await t.signedIn('supervisor');
    const response = await client.get(`/media/${id}`);
    expect(response.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''evil%20%22page%22.html");
    expect(response.headers.get('content-type')).toBe('text/html');
  });

  test('serves a PDF as a download', async () => {
    const id = await storedFile('application/pdf', '%PDF-1.4', 'invoice.pdf');
    const { client } = await t.signedIn('admin');
    expect((await client.get(`/media/${id}`)).headers.get('content-disposition')).toStartWith('attachment;');
  });

  test('serves voice notes inline', async () => {
    const id = await storedFile('audio/ogg', 'ogg');
    const { client } = await t.signedIn('agent');
    expect((await client.get(`/media/${id}`)).headers.get('content-disposition')).toBe('inline');
  });

  test('sends anonymous visitors to sign in', async () => {
    const id = await storedFile('image/jpeg', 'x');
    const response = await t.client().get(`/media/${id}`);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toStartWith('/login');
  });

  test('refuses analysts, who see reports but not conversations', async () => {
    const id = await storedFile('image/jpeg', 'x');
    const { client } = await t.signedIn('analyst');
    expect((await client.get(`/media/${id}`)).status).toBe(403);
  });

  test('answers 404 for an unknown id', async () => {
    const { client } = await t.signedIn('agent');
    expect((await client.get('/media/med_doesnotexist')).status).toBe(404);
  });

  test('answers 404 while the file is still being downloaded', async () => {
    await deliver(t.app, t.deps, messagesPayload([inboundMessage('image', { id: 'PENDING', mime_type: 'image/jpeg' })]));
    const id = t.deps.db.select().from(media).get()!.id;
    const { client } = await t.signedIn('agent');
    expect((await client.get(`/media/${id}`)).status).toBe(404);
  });
});

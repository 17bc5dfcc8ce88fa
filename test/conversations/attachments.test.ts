import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/test-app';
import { messagesOf, receive, seedInbox } from './inbox-fixtures';
import { media, outboundMessages } from '../../src/conversations/conversations.tables';
import { sha256HexOf } from '../../src/conversations/media-files';
import { checkUpload } from '../../src/conversations/upload-policy';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.cleanup());

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const PDF = new TextEncoder().encode('%PDF-1.7\n% test\n');

async function setup() {
  const { inboxId } = seedInbox(t);
  const { conversationId } = receive(t, inboxId);
  const agent = await t.signedIn('agent');
  await agent.client.load(`/conversations/${conversationId}`);
  const upload = (file: Blob, name: string, caption = '') => {
    const form = new FormData();
    form.set('_csrf', agent.client.csrfToken);
    form.set('file', new File([file], name, { type: file.type }));
    form.set('caption', caption);
    return agent.client.request(`/conversations/${conversationId}/attachments`, { method: 'POST', body: form, htmx: true });
  };
  return { conversationId, agent, upload };
}

const outgoing = (conversationId: string) => messagesOf(t, conversationId).filter((m) => m.direction === 'out' && m.authorType === 'agent');
const mediaRows = () => t.deps.db.select().from(media).all();

describe('attachments', () => {
  test('queues an allowed image as media with its caption, stored under its content hash', async () => {
    const { conversationId, upload } = await setup();
    const response = await upload(new Blob([PNG], { type: 'image/png' }), 'photo.png', 'Your invoice');
    expect(response.status).toBe(200);
    const [message] = outgoing(conversationId);
    expect(message).toMatchObject({ kind: 'image', body: 'Your invoice', status: 'queued' });
    expect(mediaRows()).toHaveLength(1);
    const [row] = mediaRows();
    expect(row).toMatchObject({ messageId: message!.id, mimeType: 'image/png', fileName: 'photo.png', status: 'downloaded', contentHash: sha256HexOf(PNG), bytes: PNG.byteLength });
    const [outbox] = t.deps.db.select().from(outboundMessages).where(eq(outboundMessages.messageId, message!.id)).all();
    expect(JSON.parse(outbox!.payload).content).toEqual({ kind: 'media', mediaId: row!.id, caption: 'Your invoice' });
    expect(await response.text()).toContain(`id="message-${message!.id}"`);
  });

  test('keeps a filename with ../ out of any path', async () => {
    const { upload } = await setup();
    await upload(new Blob([PDF], { type: 'application/pdf' }), '../../etc/passwd.pdf');
    const [row] = mediaRows();
    expect(row!.fileName).toBe('passwd.pdf');
    const hash = sha256HexOf(PDF);
    expect(readdirSync(join(t.deps.config.dataDir, 'media', hash.slice(0, 2)))).toEqual([hash]);
  });

  test('refuses SVG with 422 and stores nothing', async () => {
    const { conversationId, upload } = await setup();
    const response = await upload(new Blob(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], { type: 'image/svg+xml' }), 'x.svg');
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('This kind of file cannot be sent.');
    expect(outgoing(conversationId)).toHaveLength(0);
    expect(mediaRows()).toHaveLength(0);
  });

  test('refuses HTML disguised as a PNG with 422', async () => {
    const { conversationId, upload } = await setup();
    expect((await upload(new Blob(['<html><script>alert(1)</script></html>'], { type: 'image/png' }), 'x.png')).status).toBe(422);
    expect(outgoing(conversationId)).toHaveLength(0);
  });

  test('refuses an image over 5 MB with 422 naming the limit', async () => {
    const { conversationId, upload } = await setup();
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(PNG);
    const response = await upload(new Blob([big], { type: 'image/png' }), 'big.png');
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('at most 5 MB for this type');
    expect(outgoing(conversationId)).toHaveLength(0);
  });

  test('checkUpload allows a pdf and refuses text/html outright', () => {
    expect(checkUpload('application/pdf', PDF)).toEqual({ ok: true, mimeType: 'application/pdf' });
    expect(checkUpload('text/html', new TextEncoder().encode('hello'))).toEqual({ ok: false, reason: 'type' });
  });
});

describe('reply buttons', () => {
  test('queues up to three buttons as an interactive message', async () => {
    const { conversationId, agent } = await setup();
    const body = new URLSearchParams([['_csrf', agent.client.csrfToken], ['body', 'Did it arrive?'], ['button', 'Yes'], ['button', 'لا'], ['button', '']]);
    const response = await agent.client.request(`/conversations/${conversationId}/buttons`, { method: 'POST', body: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, htmx: true });
    expect(response.status).toBe(200);
    const [message] = outgoing(conversationId);
    expect(message).toMatchObject({ kind: 'interactive', body: 'Did it arrive?' });
    expect(JSON.parse(message!.content).buttons).toEqual([{ id: 'btn_1', title: 'Yes' }, { id: 'btn_2', title: 'لا' }]);
  });

  test('refuses four buttons with 422', async () => {
    const { conversationId, agent } = await setup();
    const body = new URLSearchParams([['_csrf', agent.client.csrfToken], ['body', 'Pick'], ['button', 'a'], ['button', 'b'], ['button', 'c'], ['button', 'd']]);
    const response = await agent.client.request(`/conversations/${conversationId}/buttons`, { method: 'POST', body: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, htmx: true });
    expect(response.status).toBe(422);
    expect(outgoing(conversationId)).toHaveLength(0);
  });

  test('refuses a button title over 20 characters with 422', async () => {
    const { conversationId, agent } = await setup();
    const response = await agent.client.post(`/conversations/${conversationId}/buttons`, { body: 'Pick', button: 'x'.repeat(21) }, { htmx: true });
    expect(response.status).toBe(422);
    expect(outgoing(conversationId)).toHaveLength(0);
  });
});

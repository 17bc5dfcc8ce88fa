import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../../support/test-app';
import { media } from '../../../src/conversations/conversations.tables';
import { processMediaDownloads, MEDIA_RETRY_DELAYS_MS } from '../../../src/channel/whatsapp/media/process-media-downloads';
import { isTrustedMediaUrl } from '../../../src/channel/whatsapp/media/media-hosts';
import { hashMatches } from '../../../src/channel/whatsapp/media/media-hash';
import { addTestChannel, deliver, inboundMessage, messagesPayload } from '../../support/whatsapp-webhooks';

const TOKEN = 'media-test-token';
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6, 7, 8]);
const JPEG_HEX = new Bun.CryptoHasher('sha256').update(JPEG).digest('hex');
const JPEG_B64 = Buffer.from(JPEG_HEX, 'hex').toString('base64');

interface Seen {
  path: string;
  authorization: string | null;
}

/** A tiny stand-in for Graph + Meta's CDN: media info at /v24.0/{id}, bytes at /files/{id}, scriptable. */
function startFakeGraph() {
  const seen: Seen[] = [];
  const script = { redirectFilesTo: null as string | null, fileNotFoundTimes: 0, announcedSha: JPEG_HEX, bytes: JPEG, urlFor: (origin: string, id: string) => `${origin}/files/${id}` };
  const server = Bun.serve({
    port: 0,
    fetch(request) {
      const url = new URL(request.url);
      seen.push({ path: url.pathname, authorization: request.headers.get('authorization') });
      if (request.headers.get('authorization') !== `Bearer ${TOKEN}`) return new Response('no token', { status: 401 });
      const info = /^\/v24\.0\/(\w+)$/.exec(url.pathname);
      if (info) return Response.json({ messaging_product: 'whatsapp', url: script.urlFor(url.origin, info[1]!), mime_type: 'image/jpeg', sha256: script.announcedSha, file_size: script.bytes.length, id: info[1] });
      if (url.pathname.startsWith('/files/')) {
        if (script.redirectFilesTo) return new Response(null, { status: 302, headers: { location: script.redirectFilesTo } });
        if (script.fileNotFoundTimes > 0) {
          script.fileNotFoundTimes--;
          return new Response('expired', { status: 404 });
        }
        return new Response(script.bytes, { headers: { 'content-type': 'image/jpeg' } });
      }
      return new Response('?', { status: 404 });
    },
  });
  return { seen, script, base: `http://127.0.0.1:${server.port}/v24.0`, origin: `http://127.0.0.1:${server.port}`, stop: () => server.stop(true) };
}

let t: TestApp;
let graph: ReturnType<typeof startFakeGraph>;
beforeEach(() => {
  t = createTestApp();
  graph = startFakeGraph();
  addTestChannel(t.deps, { graphApiUrl: graph.base, accessToken: TOKEN });
});
afterEach(() => {
  graph.stop();
  t.cleanup();
});

const receiveImage = (sha256 = JPEG_B64, kind = 'image') => deliver(t.app, t.deps, messagesPayload([inboundMessage(kind, { id: 'MEDIA42', mime_type: 'image/jpeg', sha256 })]));
const run = () => processMediaDownloads(t.deps);
const row = () => t.deps.db.select().from(media).get()!;

describe('media download worker', () => {
  test('downloads, verifies and stores the file under its content hash', async () => {
    await receiveImage();
    expect(await run()).toEqual({ downloaded: 1, failed: 0, retrying: 0 });
    expect(row()).toMatchObject({ status: 'downloaded', contentHash: JPEG_HEX, bytes: JPEG.length, mimeType: 'image/jpeg', lastError: null });
    const path = join(t.deps.config.dataDir, 'media', JPEG_HEX.slice(0, 2), JPEG_HEX);
    expect(new Uint8Array(readFileSync(path))).toEqual(JPEG);
    expect(graph.seen.map((s) => s.authorization)).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
  });

  test('marks the row failed when the bytes do not match the announced sha256', async () => {
    graph.script.announcedSha = 'ab'.repeat(32);
    await receiveImage('');
    expect((await run()).failed).toBe(1);
    expect(row()).toMatchObject({ status: 'failed', contentHash: null });
    expect(row().lastError).toContain('sha256');
  });

  test('refuses bytes that contradict the webhook’s base64 hash', async () => {
    await receiveImage(Buffer.from('cd'.repeat(32), 'hex').toString('base64'));
    await run();
    expect(row().status).toBe('failed');
  });

  test('asks Graph for a fresh URL when the old one answers 404', async () => {
    graph.script.fileNotFoundTimes = 1;
    await receiveImage();
    expect((await run()).downloaded).toBe(1);
    expect(graph.seen.map((s) => s.path)).toEqual(['/v24.0/MEDIA42', '/files/MEDIA42', '/v24.0/MEDIA42', '/files/MEDIA42']);
  });

  test('retries later with backoff, then gives up with the reason', async () => {
    graph.script.fileNotFoundTimes = 1000;
    await receiveImage();
    expect(await run()).toEqual({ downloaded: 0, failed: 0, retrying: 1 });
    expect(row()).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: t.clock.now() + MEDIA_RETRY_DELAYS_MS[0]! });
    expect(await run()).toEqual({ downloaded: 0, failed: 0, retrying: 0 });
    for (const delay of MEDIA_RETRY_DELAYS_MS) {
      t.clock.advance(delay);
      await run();
    }
    expect(row()).toMatchObject({ status: 'failed', attempts: MEDIA_RETRY_DELAYS_MS.length + 1 });
    expect(row().lastError).toContain('404');
  });

  test('never sends the token to a host that is not Graph or Meta’s CDN', async () => {
    const foreign: Seen[] = [];
    const evil = Bun.serve({ port: 0, fetch: (r) => (foreign.push({ path: new URL(r.url).pathname, authorization: r.headers.get('authorization') }), new Response(JPEG)) });
    graph.script.urlFor = (_origin, id) => `http://127.0.0.1:${evil.port}/steal/${id}`;
    try {
      await receiveImage();
      await run();
    } finally {
      evil.stop(true);
    }
    expect(foreign).toEqual([]);
    expect(row().status).toBe('failed');
    expect(row().lastError).toContain('untrusted host');
  });

  test('does not follow a redirect to a foreign host', async () => {
    const foreign: Seen[] = [];
    const evil = Bun.serve({ port: 0, fetch: (r) => (foreign.push({ path: new URL(r.url).pathname, authorization: r.headers.get('authorization') }), new Response(JPEG)) });
    graph.script.redirectFilesTo = `http://127.0.0.1:${evil.port}/x`;
    try {
      await receiveImage();
      await run();
    } finally {
      evil.stop(true);
    }
    expect(foreign).toEqual([]);
    expect(graph.seen.map((s) => s.path)).toEqual(['/v24.0/MEDIA42', '/files/MEDIA42']);
    expect(row().lastError).toContain('untrusted host');
  });

  test('refuses a file larger than its kind allows without storing it', async () => {
    graph.script.bytes = new Uint8Array(600 * 1024);
    graph.script.announcedSha = '';
    await receiveImage('', 'sticker');
    await run();
    expect(row().status).toBe('failed');
    expect(row().lastError).toContain('over the limit');
    expect(existsSync(join(t.deps.config.dataDir, 'media'))).toBe(false);
  });
});

describe('isTrustedMediaUrl', () => {
  const graphBase = 'https://graph.facebook.com/v24.0';
  test.each([
    ['https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1', true],
    ['https://scontent.xx.fbcdn.net/v/1.jpg', true],
    ['https://graph.facebook.com/v24.0/123', true],
    ['http://lookaside.fbsbx.com/x', false],
    ['https://lookaside.fbsbx.com:8443/x', false],
    ['https://fbsbx.com.evil.example/x', false],
    ['https://evil.example/?lookaside.fbsbx.com', false],
    ['https://user:pw@lookaside.fbsbx.com/x', false],
    ['http://169.254.169.254/latest', false],
    ['not a url', false],
  ])('%s → %p', (url, expected) => {
    expect(isTrustedMediaUrl(url, graphBase)).toBe(expected);
  });
});

describe('hashMatches', () => {
  test('accepts the hex form', () => expect(hashMatches(JPEG_HEX.toUpperCase(), JPEG_HEX)).toBe(true));
  test('accepts the base64 form', () => expect(hashMatches(JPEG_B64, JPEG_HEX)).toBe(true));
  test('refuses a different full hash', () => expect(hashMatches('00'.repeat(32), JPEG_HEX)).toBe(false));
  test('checks nothing for a truncated sample hash', () => expect(hashMatches('4654+8g=', JPEG_HEX)).toBe(true));
});

describe('media download worker against the fake Graph (sandbox)', () => {
  test('downloads a file the fake holds, verifying its hex sha256', async () => {
    const { createFakeGraph } = await import('../../../src/channel/whatsapp/fake-graph/fake-graph');
    const fake = createFakeGraph({ accessTokens: [TOKEN] });
    const server = Bun.serve({ port: 0, fetch: fake.fetch });
    const base = `http://127.0.0.1:${server.port}/v24.0`;
    try {
      const form = new FormData();
      form.set('messaging_product', 'whatsapp');
      form.set('file', new File([JPEG], 'photo.jpg', { type: 'image/jpeg' }));
      const upload = await fetch(`${base}/555000/media`, { method: 'POST', body: form, headers: { authorization: `Bearer ${TOKEN}` } });
      const { id } = (await upload.json()) as { id: string };
      const other = createTestApp();
      try {
        addTestChannel(other.deps, { graphApiUrl: base, accessToken: TOKEN });
        await deliver(other.app, other.deps, messagesPayload([inboundMessage('image', { id, mime_type: 'image/jpeg' })]));
        expect((await processMediaDownloads(other.deps)).downloaded).toBe(1);
        expect(other.deps.db.select().from(media).get()).toMatchObject({ status: 'downloaded', contentHash: JPEG_HEX });
      } finally {
        other.cleanup();
      }
    } finally {
      server.stop(true);
    }
  });
});

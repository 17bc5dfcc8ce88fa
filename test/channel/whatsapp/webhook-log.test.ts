import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from '../../support/test-app';
import { webhookJournal } from '../../../src/channel/whatsapp/whatsapp.tables';
import { messages } from '../../../src/conversations/conversations.tables';
import { auditLog } from '../../../src/audit/audit.tables';
import { addTestChannel, deliver, inboundMessage, messagesPayload, textPayload } from '../../support/whatsapp-webhooks';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
  addTestChannel(t.deps);
});
afterEach(() => t.cleanup());

const rows = () => t.deps.db.select().from(webhookJournal).all();

describe('/settings/webhooks', () => {
  test('lists journaled webhooks with their status and counts', async () => {
    await deliver(t.app, t.deps, textPayload('hello'));
    const { client } = await t.signedIn('admin');
    const html = await client.load('/settings/webhooks');
    expect(html).toContain(`/settings/webhooks/${rows()[0]!.id}`);
    expect(html).toContain('Processed');
    expect(html).toContain('Messages: 1');
  });

  test('filters by status', async () => {
    await deliver(t.app, t.deps, textPayload('fine'));
    await deliver(t.app, t.deps, messagesPayload([inboundMessage('text', { body: 'x' })], { phoneNumberId: '424242' }));
    const failed = rows().find((r) => r.status === 'failed')!;
    const processed = rows().find((r) => r.status === 'processed')!;
    const { client } = await t.signedIn('admin');
    const html = await client.load('/settings/webhooks?status=failed');
    expect(html).toContain(failed.id);
    expect(html).not.toContain(processed.id);
    expect(html).toContain('no WhatsApp channel has phone_number_id');
  });

  test('shows the raw body pretty-printed and escaped', async () => {
    await deliver(t.app, t.deps, textPayload('<script>alert(1)</script>', { name: '<img src=x onerror=alert(2)>' }));
    const { client } = await t.signedIn('admin');
    const html = await client.load(`/settings/webhooks/${rows()[0]!.id}`);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;object&quot;: &quot;whatsapp_business_account&quot;');
  });

  test('shows a non-JSON body as text', async () => {
    await deliver(t.app, t.deps, '<b>not json</b>');
    const { client } = await t.signedIn('admin');
    const html = await client.load(`/settings/webhooks/${rows()[0]!.id}`);
    expect(html).toContain('&lt;b&gt;not json&lt;/b&gt;');
    expect(html).toContain('body is not valid JSON');
  });

  test('replays a failed row once its number exists, without duplicating anything', async () => {
    await deliver(t.app, t.deps, messagesPayload([inboundMessage('text', { body: 'late' })], { phoneNumberId: '515151' }));
    addTestChannel(t.deps, { phoneNumberId: '515151' });
    const id = rows()[0]!.id;
    const { client } = await t.signedIn('admin');
    await client.load(`/settings/webhooks/${id}`);
    const first = await client.post(`/settings/webhooks/${id}/replay`);
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe(`/settings/webhooks/${id}?replayed=1`);
    await client.post(`/settings/webhooks/${id}/replay`);
    expect(rows()[0]!.status).toBe('processed');
    expect(t.deps.db.select().from(messages).all()).toHaveLength(1);
    expect(t.deps.db.select().from(auditLog).all().filter((a) => a.action === 'webhook.replayed')).toHaveLength(2);
  });

  test('refuses a replay without the CSRF token', async () => {
    await deliver(t.app, t.deps, textPayload('x'));
    const { client } = await t.signedIn('admin');
    const response = await client.post(`/settings/webhooks/${rows()[0]!.id}/replay`, {}, { csrf: false });
    expect(response.status).toBe(403);
  });

  test('is for admins only', async () => {
    const { client } = await t.signedIn('supervisor');
    expect((await client.get('/settings/webhooks')).status).toBe(403);
  });

  test('answers 404 for an unknown webhook', async () => {
    const { client } = await t.signedIn('admin');
    expect((await client.get('/settings/webhooks/whk_00000000000000000000000000')).status).toBe(404);
  });
});

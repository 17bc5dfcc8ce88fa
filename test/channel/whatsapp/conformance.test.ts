import { afterAll, describe, expect, test } from 'bun:test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../support/test-app';
import { webhookJournal } from '../../../src/channel/whatsapp/whatsapp.tables';
import { contacts } from '../../../src/contacts/contacts.tables';
import { conversations, media, messages } from '../../../src/conversations/conversations.tables';
import { auditLog } from '../../../src/audit/audit.tables';
import { receiveInboundMessage } from '../../../src/conversations/receive-inbound-message';
import { processWebhookJournal } from '../../../src/channel/whatsapp/inbound/process-webhook-journal';
import { addTestChannel, postWebhook } from '../../support/whatsapp-webhooks';

/**
 * Feeds every real payload in ../shared/conformance/webhooks (Meta docs, OpenAPI, SDK fixtures) through the
 * signed webhook endpoint and the processor, checks each landed as what its file name says it is, then replays
 * the whole corpus and checks nothing changed. The corpus is read in place, never copied into the repo.
 */
const dir = resolve(import.meta.dir, '../../../../shared/conformance/webhooks');
const present = existsSync(dir);
if (!present) console.warn(`[conformance] SKIPPED: webhook corpus not found at ${dir}`);

type Json = Record<string, any>;
const FALLBACK_NUMBER = { display_phone_number: '15550009999', phone_number_id: 'CONFORMANCE_NUMBER' };

const files = present ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];

/**
 * Full envelopes pass byte for byte. Meta documents some payloads only as `change.value`, and SDK fixtures keep
 * partial changes without `field`/`metadata`: those are completed (and reported) the way Meta would send them.
 */
function loadBody(file: string): { body: string; wrapped: boolean; payload: Json } {
  const raw = readFileSync(join(dir, file), 'utf8');
  const parsed = JSON.parse(raw) as Json;
  const field = file.startsWith('history') ? 'history' : 'messages';
  // Chatwoot's partial even drops the message id, which Meta always sends; give it one derived from the file name.
  const withIds = (value: Json) => ({ ...value, ...(value.messages ? { messages: value.messages.map((m: Json, i: number) => ({ id: `wamid.CONFORMANCE.${file}.${i}`, ...m })) } : {}) });
  const complete = (change: Json) => ({ field: change.field ?? field, value: withIds({ metadata: FALLBACK_NUMBER, ...change.value }) });
  if (Array.isArray(parsed.entry)) {
    const partial = changesOf(parsed).some((c) => !c.field || !c.value?.metadata || (c.value.messages ?? []).some((m: Json) => !m.id));
    if (!partial) return { body: raw, wrapped: false, payload: parsed };
    const payload = { object: 'whatsapp_business_account', entry: parsed.entry.map((e: Json) => ({ id: e.id ?? 'CONFORMANCE', changes: (e.changes ?? []).map(complete) })) };
    return { body: JSON.stringify(payload), wrapped: true, payload };
  }
  const payload = { object: 'whatsapp_business_account', entry: [{ id: 'CONFORMANCE', changes: [complete({ value: parsed.value ?? parsed })] }] };
  return { body: JSON.stringify(payload), wrapped: true, payload };
}

const changesOf = (payload: Json): Json[] => payload.entry.flatMap((e: Json) => e.changes ?? []);
const valuesOf = (payload: Json): Json[] => changesOf(payload).map((c) => c.value ?? {});
const firstOf = (payload: Json, key: string): Json => valuesOf(payload).flatMap((v) => v[key] ?? [])[0];
const numbersIn = (payload: Json): string[] => valuesOf(payload).map((v) => String(v.metadata?.phone_number_id ?? '')).filter(Boolean);

/** Every number the corpus names gets a channel, all signing with one app secret. */
function appWithChannels(payloads: Json[]) {
  const t = createTestApp();
  const numbers = new Set(payloads.flatMap(numbersIn));
  numbers.add(FALLBACK_NUMBER.phone_number_id);
  const inboxes = new Map<string, string>();
  for (const n of numbers) inboxes.set(n, addTestChannel(t.deps, { phoneNumberId: n }).inboxId);
  // account_update carries no metadata: it belongs to the channel whose secret signed it (the first one).
  return { t, inboxFor: (n: string) => inboxes.get(n) ?? [...inboxes.values()][0]! };
}

async function feed(t: TestApp, body: string) {
  const response = await postWebhook(t.app, body);
  expect(response.status).toBe(200);
  await processWebhookJournal(t.deps);
}

const byWaId = (t: TestApp, id: string) => t.deps.db.select().from(messages).where(eq(messages.waMessageId, id)).get();

/** A stored message the file refers to (reaction target, edited/deleted original, a message we sent). */
function seed(t: TestApp, inboxId: string, waMessageId: string, options: { direction?: 'in' | 'out'; contactWaId?: string; reactions?: Json } = {}) {
  if (byWaId(t, waMessageId)) return;
  const result = receiveInboundMessage(
    { inboxId, contact: { waId: options.contactWaId ?? 'seed-contact', userId: null }, waMessageId, kind: 'text', body: 'seeded', content: {}, sentAt: 1, authorType: 'contact' },
    t.deps,
  );
  t.deps.db
    .update(messages)
    .set({ direction: options.direction ?? 'in', status: options.direction === 'out' ? 'sending' : 'received', reactions: JSON.stringify(options.reactions ?? {}) })
    .where(eq(messages.id, result.messageId))
    .run();
}

const MEDIA_KINDS: Record<string, string> = { image: 'image', video: 'video', sticker: 'sticker', document: 'document' };

/** What a file must have produced, derived from its name prefix; seeds what it refers to before it is fed. */
function expectationFor(file: string, payload: Json, t: TestApp, inboxFor: (n: string) => string): () => void {
  const inbox = inboxFor(numbersIn(payload)[0] ?? '');
  const message = firstOf(payload, 'messages') ?? firstOf(payload, 'message_echoes');
  const kindOf = (id: string) => byWaId(t, id)?.kind;
  const prefix = file.split('__')[0]!;
  const is = (name: string) => prefix === name || prefix.startsWith(`${name}-`);
  const journalRow = () => t.deps.db.select().from(webhookJournal).all().at(-1)!;
  const summary = () => JSON.parse(journalRow().summary) as { counts: Record<string, number>; notes: string[] };

  if (is('status')) {
    const status = firstOf(payload, 'statuses');
    seed(t, inbox, status.id, { direction: 'out' });
    return () => {
      const stored = byWaId(t, status.id)!;
      expect(stored.status).toBe(status.status);
      if (status.status === 'failed') expect(stored.errorCode).toBe(status.errors[0].code);
    };
  }
  if (is('reaction')) {
    seed(t, inbox, message.reaction.message_id, { reactions: { contact: '😀' } });
    const emoji = message.reaction.emoji ?? '';
    return () => expect(JSON.parse(byWaId(t, message.reaction.message_id)!.reactions)).toEqual(emoji ? { contact: emoji } : {});
  }
  if (prefix.includes('revoke')) {
    seed(t, inbox, message.revoke.original_message_id);
    return () => expect(byWaId(t, message.revoke.original_message_id)!.deletedAt).not.toBeNull();
  }
  if (prefix.includes('edit')) {
    seed(t, inbox, message.edit.original_message_id);
    return () => expect(byWaId(t, message.edit.original_message_id)!.editedAt).not.toBeNull();
  }
  if (is('system')) {
    seed(t, inbox, `seed-before-${message.id}`, { contactWaId: message.from });
    return () => {
      expect(kindOf(message.id)).toBe('event');
      if (message.system.type === 'user_changed_number') expect(t.deps.db.select().from(contacts).where(eq(contacts.waId, message.system.wa_id)).get()).toBeDefined();
    };
  }
  if (prefix.startsWith('smb-echo-text')) return () => expect(byWaId(t, message.id)).toMatchObject({ direction: 'out', authorType: 'business_app' });
  if (prefix.startsWith('smb-app-state-sync')) return () => expect(t.deps.db.select().from(contacts).where(eq(contacts.waId, '16505551234')).get()?.name).toBe('Pablo Morales');
  if (prefix.startsWith('account-update-partner-removed')) return () => expect(t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'whatsapp.partner_removed')).all()).toHaveLength(1);
  if (prefix.startsWith('history-sharing-declined')) return () => expect(t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'whatsapp.history_declined')).all()).toHaveLength(1);
  if (prefix.startsWith('history-threads')) {
    const threads = firstOf(payload, 'history').threads as Json[];
    return () => {
      for (const m of threads.flatMap((th) => th.messages)) expect(kindOf(m.id)).toBe(m.type);
    };
  }
  if (prefix.startsWith('history-media')) return () => expect(byWaId(t, message.id)).toMatchObject({ kind: 'image', body: message.image.caption });
  if (prefix.startsWith('errors-system') || prefix.startsWith('value-errors')) return () => expect(summary().counts.errors).toBeGreaterThan(0);
  if (is('group') || is('user-preferences')) return () => expect(summary().counts.ignored).toBeGreaterThan(0);
  if (is('multi-change')) {
    // One message per distinct wamid: a repeated id (as in netflie's sample) is a duplicate, not a second message.
    const ids = new Set(valuesOf(payload).flatMap((v) => (v.messages ?? []).map((m: Json) => m.id)));
    return () => {
      expect(t.deps.db.select().from(messages).all()).toHaveLength(ids.size);
      expect(changesOf(payload).length).toBeGreaterThan(1);
    };
  }

  const head = prefix.split('-')[0]!;
  const expectedKind =
    prefix === 'audio-voice-note' ? 'voice' : head === 'unknown' ? 'unsupported' : (MEDIA_KINDS[head] ?? head);
  return () => {
    expect(kindOf(message.id)).toBe(expectedKind);
    if (MEDIA_KINDS[head] || head === 'audio') expect(t.deps.db.select().from(media).all()).toHaveLength(1);
  };
}

describe.skipIf(!present)('webhook conformance corpus', () => {
  const loaded = files.map((file) => ({ file, ...loadBody(file) }));
  const wrapped = loaded.filter((l) => l.wrapped).map((l) => l.file);
  if (wrapped.length) console.info(`[conformance] wrapped ${wrapped.length} value-only/partial files in an envelope: ${wrapped.join(', ')}`);

  test('the corpus is there and holds dozens of payloads', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  test.each(loaded.map((l) => [l.file, l] as const))('%s lands as what its name says', async (_name, { file, body, payload }) => {
    const { t, inboxFor } = appWithChannels([payload]);
    try {
      const check = expectationFor(file, payload, t, inboxFor);
      await feed(t, body);
      const row = t.deps.db.select().from(webhookJournal).all().at(-1)!;
      expect({ status: row.status, error: row.error }).toEqual({ status: 'processed', error: null });
      check();
    } finally {
      t.cleanup();
    }
  });

  describe('the whole corpus in one database', () => {
    const { t } = appWithChannels(loaded.map((l) => l.payload));
    afterAll(() => t.cleanup());
    const counts = () => ({
      messages: t.deps.db.select().from(messages).all().length,
      contacts: t.deps.db.select().from(contacts).all().length,
      conversations: t.deps.db.select().from(conversations).all().length,
      media: t.deps.db.select().from(media).all().length,
      alerts: t.deps.db.select().from(auditLog).all().length,
      messageStates: JSON.stringify(t.deps.db.select({ s: messages.status, r: messages.reactions, e: messages.editedAt, d: messages.deletedAt, b: messages.body }).from(messages).orderBy(messages.id).all()),
    });

    test('processes every file without a failed row, and replaying all of them changes nothing', async () => {
      for (const { body } of loaded) expect((await postWebhook(t.app, body)).status).toBe(200);
      await processWebhookJournal(t.deps);
      const failed = t.deps.db.select().from(webhookJournal).all().filter((r) => r.status !== 'processed');
      expect(failed.map((r) => r.error)).toEqual([]);
      const before = counts();
      // Many SDK samples reuse one placeholder wamid, so distinct messages are fewer than files.
      expect(before.messages).toBeGreaterThan(20);
      for (const { body } of loaded) expect((await postWebhook(t.app, body)).status).toBe(200);
      await processWebhookJournal(t.deps);
      expect(counts()).toEqual(before);
      expect(t.deps.db.select().from(webhookJournal).all().filter((r) => r.status !== 'processed')).toEqual([]);
    });
  });
});

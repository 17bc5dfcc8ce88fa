import { describe, expect, test } from 'bun:test';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildMarkReadBody, buildMessageBody, buildTypingIndicatorBody } from '../../../src/channel/whatsapp/graph/graph-api.payloads';
import type { OutboxPayload } from '../../../src/conversations/outbound-content';

const TO = '16505551234';
const build = (payload: Partial<OutboxPayload> & Pick<OutboxPayload, 'content'>, media?: Parameters<typeof buildMessageBody>[0]['media']) =>
  buildMessageBody({ to: TO, payload: { replyToWaId: null, ...payload }, callbackData: 'obx_1', media });

describe('graph payload builders', () => {
  test('builds a text message with the outbox id as callback data', () => {
    expect(build({ content: { kind: 'text', text: 'Hello' } })).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: TO,
      type: 'text',
      text: { body: 'Hello', preview_url: false },
      biz_opaque_callback_data: 'obx_1',
    });
  });

  test('asks for a link preview only when the text has a link', () => {
    expect(build({ content: { kind: 'text', text: 'see https://example.com' } }).text).toEqual({ body: 'see https://example.com', preview_url: true });
  });

  test('adds the reply context when the message quotes another', () => {
    const body = build({ content: { kind: 'text', text: 'Yes' }, replyToWaId: 'wamid.Q' });
    expect(body.context).toEqual({ message_id: 'wamid.Q' });
  });

  test('sends an image by uploaded id with its caption', () => {
    const body = build({ content: { kind: 'media', mediaId: 'med_1', caption: 'Receipt' } }, { waMediaId: '4490709327384033', kind: 'image' });
    expect(body.type).toBe('image');
    expect(body.image).toEqual({ id: '4490709327384033', caption: 'Receipt' });
  });

  test('sends a document by id with its file name', () => {
    const body = build({ content: { kind: 'media', mediaId: 'med_1', caption: 'Invoice' } }, { waMediaId: '77', kind: 'document', fileName: 'invoice.pdf' });
    expect(body.document).toEqual({ id: '77', caption: 'Invoice', filename: 'invoice.pdf' });
  });

  test('leaves captions off audio and stickers, which Meta refuses them on', () => {
    expect(build({ content: { kind: 'media', mediaId: 'm', caption: 'x' } }, { waMediaId: '1', kind: 'audio' }).audio).toEqual({ id: '1' });
    expect(build({ content: { kind: 'media', mediaId: 'm', caption: 'x' } }, { waMediaId: '2', kind: 'sticker' }).sticker).toEqual({ id: '2' });
  });

  test('refuses to build a media message before the file is uploaded', () => {
    expect(() => build({ content: { kind: 'media', mediaId: 'med_1' } })).toThrow();
  });

  test('builds reply buttons with header and footer', () => {
    const body = build({ content: { kind: 'buttons', body: 'Pick one', header: 'Hi', footer: 'Thanks', buttons: [{ id: 'a', title: 'Yes' }, { id: 'b', title: 'No' }] } });
    expect(body).toMatchObject({
      type: 'interactive',
      interactive: {
        type: 'button',
        header: { type: 'text', text: 'Hi' },
        body: { text: 'Pick one' },
        footer: { text: 'Thanks' },
        action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 'Yes' } }, { type: 'reply', reply: { id: 'b', title: 'No' } }] },
      },
    });
  });

  test('builds a list with sections and optional descriptions', () => {
    const body = build({ content: { kind: 'list', body: 'Shipping?', button: 'Options', sections: [{ title: 'Fast', rows: [{ id: 'x', title: 'Express', description: '1 day' }, { id: 'y', title: 'Mail' }] }] } });
    expect(body.interactive).toEqual({
      type: 'list',
      body: { text: 'Shipping?' },
      action: { button: 'Options', sections: [{ title: 'Fast', rows: [{ id: 'x', title: 'Express', description: '1 day' }, { id: 'y', title: 'Mail' }] }] },
    });
  });

  test('builds a template with its body variables in order', () => {
    const body = build({ content: { kind: 'template', name: 'order_ready', language: 'ar', variables: ['Sara', '1234'] } });
    expect(body.template).toEqual({
      name: 'order_ready',
      language: { code: 'ar' },
      components: [{ type: 'body', parameters: [{ type: 'text', text: 'Sara' }, { type: 'text', text: '1234' }] }],
    });
  });

  test('omits components for a template without variables', () => {
    expect(build({ content: { kind: 'template', name: 'hello_world', language: 'en_US', variables: [] } }).template).toEqual({ name: 'hello_world', language: { code: 'en_US' } });
  });

  test('builds a reaction to the WhatsApp id of the target, without reply context', () => {
    const body = build({ content: { kind: 'reaction', targetMessageId: 'msg_1', emoji: '👍' }, reactionToWaId: 'wamid.T', replyToWaId: 'wamid.Q' });
    expect(body.reaction).toEqual({ message_id: 'wamid.T', emoji: '👍' });
    expect(body.context).toBeUndefined();
  });

  test('builds read receipts and typing indicators', () => {
    expect(buildMarkReadBody('wamid.A')).toEqual({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.A' });
    expect(buildTypingIndicatorBody('wamid.A')).toEqual({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.A', typing_indicator: { type: 'text' } });
  });
});

/** Key paths of a JSON value (`a.b`, arrays as `a[]` with the union of their elements' paths) and each leaf's type. */
function paths(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (Array.isArray(value)) {
    out.set(prefix, 'array');
    for (const item of value) for (const [k, v] of paths(item, `${prefix}[]`)) out.set(k, v);
  } else if (value && typeof value === 'object') {
    if (prefix) out.set(prefix, 'object');
    for (const [key, item] of Object.entries(value)) for (const [k, v] of paths(item, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  } else {
    out.set(prefix, typeof value);
  }
  return out;
}

const conformanceDir = resolve(import.meta.dir, '../../../../shared/conformance/graph-api');
const hasConformance = existsSync(join(conformanceDir, 'messages-post-examples__meta-openapi.json'));
if (!hasConformance) console.log(`(skip) graph payload conformance: ${conformanceDir} is not present`);

describe('graph payloads against Meta OpenAPI examples', () => {
  const examples = (): Record<string, unknown> =>
    hasConformance ? (JSON.parse(readFileSync(join(conformanceDir, 'messages-post-examples__meta-openapi.json'), 'utf8')) as { request_examples: Record<string, unknown> }).request_examples : {};

  /** Ours must use only paths the example has (same leaf types), and have every example path except `optional` ones. */
  function expectConforms(ours: Record<string, unknown>, exampleName: string, optional: string[] = []) {
    const example = paths(examples()[exampleName]);
    expect(example.size).toBeGreaterThan(0);
    const mine = paths({ ...ours, biz_opaque_callback_data: undefined });
    mine.delete('biz_opaque_callback_data');
    const extra = [...mine.keys()].filter((k) => !example.has(k));
    const wrongType = [...mine].filter(([k, t]) => example.has(k) && example.get(k) !== t && !(t === 'string' && example.get(k) === 'number')).map(([k]) => k);
    const missing = [...example.keys()].filter((k) => !mine.has(k) && !optional.some((o) => k === o || k.startsWith(`${o}.`) || k.startsWith(`${o}[]`)));
    expect({ extra, wrongType, missing }).toEqual({ extra: [], wrongType: [], missing: [] });
  }

  test.skipIf(!hasConformance)('text matches "Send Text Message"', () => {
    expectConforms(build({ content: { kind: 'text', text: 'hi' } }), 'Send Text Message');
  });
  test.skipIf(!hasConformance)('reply context matches "Send Reply to Text Message"', () => {
    expectConforms(build({ content: { kind: 'text', text: 'hi' }, replyToWaId: 'wamid.X' }), 'Send Reply to Text Message');
  });
  test.skipIf(!hasConformance)('reaction matches "Send Reply with Reaction Message"', () => {
    expectConforms(build({ content: { kind: 'reaction', targetMessageId: 'm', emoji: '😀' }, reactionToWaId: 'wamid.X' }), 'Send Reply with Reaction Message');
  });
  test.skipIf(!hasConformance)('image by id matches "Send Image Message by ID"', () => {
    expectConforms(build({ content: { kind: 'media', mediaId: 'm' } }, { waMediaId: '1', kind: 'image' }), 'Send Image Message by ID');
  });
  test.skipIf(!hasConformance)('document by id matches "Send Document Message by ID"', () => {
    expectConforms(build({ content: { kind: 'media', mediaId: 'm', caption: 'c' } }, { waMediaId: '1', kind: 'document', fileName: 'a.pdf' }), 'Send Document Message by ID');
  });
  test.skipIf(!hasConformance)('video, audio and sticker by id match their examples', () => {
    expectConforms(build({ content: { kind: 'media', mediaId: 'm', caption: 'c' } }, { waMediaId: '1', kind: 'video' }), 'Send Video Message by ID');
    expectConforms(build({ content: { kind: 'media', mediaId: 'm' } }, { waMediaId: '1', kind: 'audio' }), 'Send Audio Message by ID');
    expectConforms(build({ content: { kind: 'media', mediaId: 'm' } }, { waMediaId: '1', kind: 'sticker' }), 'Send Sticker Message by ID');
  });
  test.skipIf(!hasConformance)('reply buttons match "Send Reply Button"', () => {
    expectConforms(build({ content: { kind: 'buttons', body: 'b', buttons: [{ id: '1', title: 'One' }] } }), 'Send Reply Button');
  });
  test.skipIf(!hasConformance)('list matches "Send List Message" (its header and footer are optional)', () => {
    const list = build({ content: { kind: 'list', body: 'b', button: 'Go', sections: [{ title: 'S', rows: [{ id: 'r', title: 'R', description: 'd' }] }] } });
    expectConforms(list, 'Send List Message', ['interactive.header', 'interactive.footer']);
  });
  test.skipIf(!hasConformance)('template matches "Send Message Template Text" (currency and date parameters are optional)', () => {
    const template = build({ content: { kind: 'template', name: 'n', language: 'en_US', variables: ['x'] } });
    expectConforms(template, 'Send Message Template Text', ['template.components[].parameters[].currency', 'template.components[].parameters[].date_time']);
  });
  test.skipIf(!hasConformance)('typing indicator matches "Send typing indicator and read receipt"', () => {
    expectConforms(buildTypingIndicatorBody('wamid.X'), 'Send typing indicator and read receipt');
  });
});

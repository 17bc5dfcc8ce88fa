import type { MediaMessageKind, OutboxPayload } from '../../../conversations/outbound-content';

/** The uploaded file a media message points at (Meta's media id, from uploadMedia). */
export interface UploadedMedia {
  waMediaId: string;
  kind: MediaMessageKind;
  fileName?: string;
}

export type GraphBody = Record<string, unknown>;

/**
 * Meta's `POST /{phone-number-id}/messages` body for one outbox row (handbook whatsapp-cloud-api.md §5).
 * `callbackData` (our outbox id) comes back on every status webhook, which is how unknown sends are reconciled.
 */
export function buildMessageBody({ to, payload, callbackData, media }: { to: string; payload: OutboxPayload; callbackData: string; media?: UploadedMedia }): GraphBody {
  const base: GraphBody = { messaging_product: 'whatsapp', recipient_type: 'individual', to };
  const { content } = payload;
  let typed: GraphBody;
  switch (content.kind) {
    case 'text':
      typed = { type: 'text', text: { body: content.text, preview_url: /https?:\/\//i.test(content.text) } };
      break;
    case 'media': {
      if (!media) throw new Error('media messages need the uploaded media id');
      const object: GraphBody = { id: media.waMediaId };
      // Meta rejects captions on audio and stickers; file names only mean something on documents.
      if (content.caption && media.kind !== 'audio' && media.kind !== 'sticker') object.caption = content.caption;
      if (media.kind === 'document' && media.fileName) object.filename = media.fileName;
      typed = { type: media.kind, [media.kind]: object };
      break;
    }
    case 'buttons':
      typed = {
        type: 'interactive',
        interactive: {
          type: 'button',
          ...(content.header ? { header: { type: 'text', text: content.header } } : {}),
          body: { text: content.body },
          ...(content.footer ? { footer: { text: content.footer } } : {}),
          action: { buttons: content.buttons.map((b) => ({ type: 'reply', reply: { id: b.id, title: b.title } })) },
        },
      };
      break;
    case 'list':
      typed = {
        type: 'interactive',
        interactive: {
          type: 'list',
          body: { text: content.body },
          action: {
            button: content.button,
            sections: content.sections.map((s) => ({
              ...(s.title ? { title: s.title } : {}),
              rows: s.rows.map((r) => ({ id: r.id, title: r.title, ...(r.description ? { description: r.description } : {}) })),
            })),
          },
        },
      };
      break;
    case 'template':
      typed = {
        type: 'template',
        template: {
          name: content.name,
          language: { code: content.language },
          ...(content.variables.length > 0 ? { components: [{ type: 'body', parameters: content.variables.map((text) => ({ type: 'text', text })) }] } : {}),
        },
      };
      break;
    case 'reaction':
      if (!payload.reactionToWaId) throw new Error('reactions need the WhatsApp id of the message reacted to');
      typed = { type: 'reaction', reaction: { message_id: payload.reactionToWaId, emoji: content.emoji } };
      break;
  }
  const context = payload.replyToWaId && content.kind !== 'reaction' ? { context: { message_id: payload.replyToWaId } } : {};
  return { ...base, ...context, ...typed, biz_opaque_callback_data: callbackData };
}

/** Read receipt: marks this and every earlier message in the thread read on the customer's phone. */
export const buildMarkReadBody = (waMessageId: string): GraphBody => ({ messaging_product: 'whatsapp', status: 'read', message_id: waMessageId });

/** Typing indicator (also a read receipt); WhatsApp shows it until we reply or for 25 seconds. */
export const buildTypingIndicatorBody = (waMessageId: string): GraphBody => ({ ...buildMarkReadBody(waMessageId), typing_indicator: { type: 'text' } });

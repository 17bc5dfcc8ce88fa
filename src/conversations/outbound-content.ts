/**
 * What an agent or automation sends, channel-neutral: no Graph wire format here. The WhatsApp channel turns it into
 * Meta's request body at send time (media must be uploaded first, so the body cannot be final when queued).
 */
export type OutboundContent =
  | { kind: 'text'; text: string }
  | { kind: 'media'; mediaId: string /* our media row */; caption?: string }
  | { kind: 'buttons'; body: string; buttons: { id: string; title: string }[]; header?: string; footer?: string }
  | { kind: 'list'; body: string; button: string; sections: { title: string; rows: { id: string; title: string; description?: string }[] }[] }
  | { kind: 'template'; name: string; language: string; variables: string[] }
  | { kind: 'reaction'; targetMessageId: string; emoji: string };

export type OutboundKind = OutboundContent['kind'];

/**
 * What the outbox row's `payload` holds: the content with our ids resolved to what the channel needs (the media row
 * copied for this message, the quoted and reacted-to messages' WhatsApp ids).
 */
export interface OutboxPayload {
  content: OutboundContent;
  /** WhatsApp id of the quoted message (reply context), if any. */
  replyToWaId: string | null;
  /** For reactions: the WhatsApp id of the message reacted to. */
  reactionToWaId?: string;
}

/** Meta's documented limits (handbook whatsapp-cloud-api.md §5). */
export const OUTBOUND_LIMITS = {
  textBody: 4096,
  caption: 1024,
  buttonsMin: 1,
  buttonsMax: 3,
  buttonTitle: 20,
  buttonId: 256,
  buttonsBody: 1024,
  header: 60,
  footer: 60,
  listBody: 4096,
  listButton: 20,
  listSections: 10,
  listRowsTotal: 10,
  sectionTitle: 24,
  rowId: 200,
  rowTitle: 24,
  rowDescription: 72,
  templateName: 512,
  templateVariable: 1024,
} as const;

/** Free-form messages need an open 24-hour window; templates are the only kind allowed outside it. */
export const needsReplyWindow = (content: OutboundContent): boolean => content.kind !== 'template';

export type MediaMessageKind = 'image' | 'video' | 'audio' | 'sticker' | 'document';

/** Which WhatsApp media kind a file goes out as; anything not a supported image, video, audio or sticker is a document. */
export function mediaKindFor(mimeType: string): MediaMessageKind {
  const mime = mimeType.toLowerCase().split(';')[0]!.trim();
  if (mime === 'image/jpeg' || mime === 'image/png') return 'image';
  if (mime === 'image/webp') return 'sticker';
  if (mime === 'video/mp4' || mime === 'video/3gpp') return 'video';
  if (['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'].includes(mime)) return 'audio';
  return 'document';
}

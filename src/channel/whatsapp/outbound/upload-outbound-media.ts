import { markOutboundFailed, type ClaimedOutbound } from '../../../conversations/outbox';
import { findMediaRow, setMediaWaId } from '../../../conversations/outbox.repository';
import { mediaKindFor } from '../../../conversations/outbound-content';
import type { WhatsappChannel } from '../channels/whatsapp-channels.repository';
import type { GraphClient } from '../graph/graph-api.client';
import { GraphApiError, isGraphApiError } from '../graph/graph-errors';
import type { UploadedMedia } from '../graph/graph-api.payloads';
import type { OutboundDeliveryDeps } from './outbound-delivery.types';

/**
 * Uploads the attachment of a media message to Meta (once: the id is kept for retries) and returns what the message
 * body needs. Returns null after failing the row when the file itself is gone. An upload never sends anything to the
 * customer, so even an ambiguous network failure here is safe to retry.
 */
export async function uploadOutboundMedia(
  { row, payload, channel, client }: ClaimedOutbound & { channel: WhatsappChannel; client: GraphClient },
  deps: Pick<OutboundDeliveryDeps, 'db' | 'clock' | 'readMedia'>,
): Promise<UploadedMedia | null> {
  if (payload.content.kind !== 'media') return null;
  const media = findMediaRow(deps.db, payload.content.mediaId);
  const fail = (title: string) => {
    markOutboundFailed(deps.db, { outboxId: row.id, error: { code: null, title }, now: deps.clock.now() });
    return null;
  };
  if (!media?.contentHash) return fail('the attachment is no longer stored');
  const kind = mediaKindFor(media.mimeType);
  if (media.waMediaId) return { waMediaId: media.waMediaId, kind, fileName: media.fileName };
  let bytes: Blob;
  try {
    bytes = await deps.readMedia(media.contentHash);
  } catch {
    return fail('the attachment file could not be read');
  }
  try {
    const { id } = await client.uploadMedia(channel.phoneNumberId, { bytes, mimeType: media.mimeType, fileName: media.fileName || `file.${kind}` });
    setMediaWaId(deps.db, { mediaId: media.id, waMediaId: id, now: deps.clock.now() });
    return { waMediaId: id, kind, fileName: media.fileName };
  } catch (error) {
    if (isGraphApiError(error) && error.info.maybeSent) throw new GraphApiError(error.message, { ...error.info, maybeSent: false });
    throw error;
  }
}

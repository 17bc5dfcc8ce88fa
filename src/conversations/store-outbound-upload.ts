import { eq, sql } from 'drizzle-orm';
import type { Clock } from '../platform/clock';
import { runInTransaction, type Db } from '../platform/db/client';
import type { NewId } from '../platform/ids';
import type { WakeName } from '../platform/wake';
import { media } from './conversations.tables';
import { storeMediaFile } from './media-files';
import { queueOutboundMessage } from './queue-outbound-message';
import { displayFileName } from './upload-policy';

export interface OutboundUpload {
  conversationId: string;
  authorId: string;
  bytes: Uint8Array;
  /** Already checked by checkUpload. */
  mimeType: string;
  fileName: string;
  caption: string;
}

/**
 * Sends an agent's file: the bytes are written under their content hash first (a crash leaves at most an orphan
 * file), then one transaction writes the message, its media row and the outbox row through queueOutboundMessage.
 * That use case copies a media row onto its new message, and media rows need a message, so a staging row without
 * one is written with foreign keys deferred to commit and removed once copied; nothing of it outlives the transaction.
 */
export async function storeOutboundUpload(
  input: OutboundUpload,
  deps: { db: Db; clock: Clock; newId: NewId; wake?: (name: WakeName) => void; mediaDir: string },
): Promise<{ messageId: string; outboxId: string }> {
  const contentHash = await storeMediaFile(deps.mediaDir, input.bytes);
  const result = runInTransaction(deps.db, (tx) => {
    tx.run(sql`PRAGMA defer_foreign_keys = ON`);
    const now = deps.clock.now();
    const stagingId = deps.newId('med');
    tx.insert(media)
      .values({
        id: stagingId,
        messageId: `staging_${stagingId}`,
        mimeType: input.mimeType,
        fileName: displayFileName(input.fileName, input.mimeType),
        contentHash,
        bytes: input.bytes.byteLength,
        status: 'downloaded',
        createdAt: now,
        updatedAt: now,
      })
      .run();
    const queued = queueOutboundMessage(
      { conversationId: input.conversationId, author: { type: 'agent', id: input.authorId }, content: { kind: 'media', mediaId: stagingId, caption: input.caption || undefined } },
      { ...deps, db: tx, wake: undefined },
    );
    tx.delete(media).where(eq(media.id, stagingId)).run();
    return queued;
  });
  deps.wake?.('outbox');
  return result;
}

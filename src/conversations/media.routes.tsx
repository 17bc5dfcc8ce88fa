import { Elysia } from 'elysia';
import { join } from 'node:path';
import type { AppDeps } from '../deps';
import { webContext } from '../accounts/web-context.plugin';
import { INBOX_USERS } from '../accounts/access-policy';
import { ensureCanViewConversation } from './conversation-access';
import { findMediaWithOwner } from './media.repository';
import { mediaFilePath } from './media-files';
import { mediaResponseHeaders } from './media-response';
import { createConversationNotFoundError } from './conversations.errors';

/** Stored attachments, served only to people who may see their conversation, with headers that keep them inert. */
export function mediaRoutes(deps: AppDeps) {
  const mediaDir = join(deps.config.dataDir, 'media');
  return new Elysia().use(webContext(deps)).get(
    '/media/:mediaId',
    async ({ params, viewer }) => {
      const found = /^[\w-]{1,80}$/.test(params.mediaId) ? findMediaWithOwner(deps.db, params.mediaId) : undefined;
      if (!found) throw createConversationNotFoundError();
      ensureCanViewConversation(deps.db, viewer, found.conversationId);
      const { media } = found;
      if (media.status !== 'downloaded' || !media.contentHash) throw createConversationNotFoundError();
      const file = Bun.file(mediaFilePath(mediaDir, media.contentHash));
      if (!(await file.exists())) throw createConversationNotFoundError();
      return new Response(file, { headers: mediaResponseHeaders({ mimeType: media.mimeType, fileName: media.fileName, bytes: media.bytes, contentHash: media.contentHash }) });
    },
    { access: INBOX_USERS },
  );
}

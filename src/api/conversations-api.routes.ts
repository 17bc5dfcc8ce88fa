import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import { webContext } from '../accounts/web-context.plugin';
import { findConversationSummary, listConversationSummaries } from '../conversations/conversation-views.repository';
import { findTimelineMessage, listTimeline } from '../conversations/message-views.repository';
import { queueOutboundMessage } from '../conversations/queue-outbound-message';
import { resolveTemplateContent } from '../conversations/resolve-template-content';
import { encodeCursor } from '../conversations/keyset-cursor';
import { apiRoute, readJsonObject } from './api-route';
import { apiJson } from './api-responses';
import { conversationsQuery, pagingQuery, postMessageBody } from './api.schemas';
import { toApiConversation, toApiMessage } from './api-serializers';
import { createApiNotFoundError } from './api.errors';

/**
 * /api/v1/conversations: list and read conversations and their messages, and send into them with the same rules as
 * the inbox (24-hour window, Meta's limits) because both go through queueOutboundMessage. Bearer-authenticated
 * inside apiRoute; `access: 'public'` only tells the web layer not to ask for a session.
 */
export function conversationsApiRoutes(deps: AppDeps) {
  const requireConversation = (id: string | undefined) => {
    const summary = id ? findConversationSummary(deps.db, id) : undefined;
    if (!summary) throw createApiNotFoundError();
    return summary;
  };

  return new Elysia()
    .use(webContext(deps))
    .get(
      '/api/v1/conversations',
      apiRoute(deps, ({ query }) => {
        const q = conversationsQuery.parse(query);
        const { rows, hasMore } = listConversationSummaries(deps.db, {
          statuses: q.status ? [q.status] : undefined,
          inboxId: q.inbox_id,
          assigneeId: q.assignee_id,
          teamId: q.team_id,
          after: q.cursor && { lastMessageAt: q.cursor.at, id: q.cursor.id },
          limit: q.limit,
        });
        const last = rows.at(-1);
        const now = deps.clock.now();
        return apiJson({ data: rows.map((c) => toApiConversation(c, now)), next_cursor: hasMore && last ? encodeCursor({ at: last.lastMessageAt, id: last.id }) : null });
      }),
      { access: 'public' },
    )
    .get(
      '/api/v1/conversations/:id',
      apiRoute(deps, ({ params }) => apiJson({ data: toApiConversation(requireConversation(params.id), deps.clock.now()) })),
      { access: 'public' },
    )
    .get(
      '/api/v1/conversations/:id/messages',
      apiRoute(deps, ({ params, query }) => {
        const summary = requireConversation(params.id);
        const q = pagingQuery.parse(query);
        // Newest first; the cursor walks back in time.
        const page = listTimeline(deps.db, summary.id, { before: q.cursor && { sentAt: q.cursor.at, id: q.cursor.id }, limit: q.limit });
        const oldest = page.messages[0]?.message;
        return apiJson({
          data: page.messages.map(toApiMessage).reverse(),
          next_cursor: page.hasOlder && oldest ? encodeCursor({ at: oldest.sentAt, id: oldest.id }) : null,
        });
      }),
      { access: 'public' },
    )
    .post(
      '/api/v1/conversations/:id/messages',
      apiRoute(deps, async ({ params, request, token }) => {
        const summary = requireConversation(params.id);
        const body = postMessageBody.parse(await readJsonObject(request));
        const content = body.template
          ? resolveTemplateContent(deps.db, summary.inboxId, { name: body.template.name, language: body.template.language }, body.template.variables)
          : { kind: 'text' as const, text: body.text ?? '' };
        // The token, not a person, wrote it: shown as automation, traceable to the token id.
        const { messageId } = queueOutboundMessage(
          { conversationId: summary.id, author: { type: 'automation', id: token.id }, content, replyToMessageId: body.reply_to_message_id },
          deps,
        );
        const created = findTimelineMessage(deps.db, summary.id, messageId)!;
        return apiJson({ data: toApiMessage(created) }, 201, { location: `/api/v1/conversations/${summary.id}/messages` });
      }),
      { access: 'public', parse: 'none' },
    );
}

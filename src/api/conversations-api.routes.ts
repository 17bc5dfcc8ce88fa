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
import { refuseIfLocked } from '../conversations/acquire-reply-lock';
import { apiTokenViewer, canViewConversation, visibleConversationFilter } from '../conversations/inbox-access';

/**
 * /api/v1/conversations: list and read conversations and their messages, and send into them with the same rules as
 * the inbox (24-hour window, Meta's limits) because both go through queueOutboundMessage. Bearer-authenticated
 * inside apiRoute; `access: 'public'` only tells the web layer not to ask for a session.
 */
export function conversationsApiRoutes(deps: AppDeps) {
  // Tokens go through the inbox rule too, with the reach apiTokenViewer grants them (every inbox, for now).
  const requireConversation = (id: string | undefined, token: { id: string }) => {
    const summary = id ? findConversationSummary(deps.db, id) : undefined;
    if (!summary || !canViewConversation(deps.db, apiTokenViewer(token), summary)) throw createApiNotFoundError();
    return summary;
  };

  return new Elysia()
    .use(webContext(deps))
    .get(
      '/api/v1/conversations',
      apiRoute(deps, ({ query, token }) => {
        const q = conversationsQuery.parse(query);
        const { rows, hasMore } = listConversationSummaries(deps.db, {
          statuses: q.status ? [q.status] : undefined,
          inboxId: q.inbox_id,
          assigneeId: q.assignee_id,
          teamId: q.team_id,
          visible: visibleConversationFilter(apiTokenViewer(token)),
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
      apiRoute(deps, ({ params, token }) => apiJson({ data: toApiConversation(requireConversation(params.id, token), deps.clock.now()) })),
      { access: 'public' },
    )
    .get(
      '/api/v1/conversations/:id/messages',
      apiRoute(deps, ({ params, query, token }) => {
        const summary = requireConversation(params.id, token);
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
        const summary = requireConversation(params.id, token);
        const body = postMessageBody.parse(await readJsonObject(request));
        // A person holding the reply lock is mid-answer: the API waits its turn (409 naming them).
        refuseIfLocked(deps.db, summary.id, deps.clock.now());
        const content = body.template
          ? resolveTemplateContent(deps.db, summary.inboxId, { name: body.template.name, language: body.template.language }, body.template.variables)
          : { kind: 'text' as const, text: body.text ?? '' };
        // The token, not a person, wrote it: shown as automation, traceable to the token id.
        const { messageId } = queueOutboundMessage(
          { conversationId: summary.id, author: { type: 'automation', id: token.id }, content, replyToMessageId: body.reply_to_message_id },
          deps,
        );
        deps.live?.publish({ type: 'message.created', conversationId: summary.id, inboxId: summary.inboxId, direction: 'outbound' });
        const created = findTimelineMessage(deps.db, summary.id, messageId)!;
        return apiJson({ data: toApiMessage(created) }, 201, { location: `/api/v1/conversations/${summary.id}/messages` });
      }),
      { access: 'public', parse: 'none' },
    );
}

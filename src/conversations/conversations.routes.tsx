import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import { webContext } from '../accounts/web-context.plugin';
import { INBOX_USERS } from '../accounts/access-policy';
import { isPartialRequest } from '../platform/http/htmx';
import { findConversationSummary, listInboxChoices, resetUnreadCount, type ConversationSummary } from './conversation-views.repository';
import { ensureCanViewConversation } from './conversation-access';
import type { Viewer } from '../accounts/sessions';
import { createConversationNotFoundError } from './conversations.errors';
import { decodeCursor } from './keyset-cursor';
import { readVariables } from './form-values';
import { buildConversationListView, buildInboxView } from './inbox-list-view';
import { parseListFilters } from './list-query';
import { buildConversationPageView } from './conversation-page-view';
import { buildTimelineView } from './timeline-view';
import { buildComposerView, templatePreview } from './composer-view';
import { findApprovedTemplate } from './template-views.repository';
import { formText as queryText } from '../platform/http/form-errors';
import { InboxPage } from '../../views/conversations/inbox.page';
import { ConversationRows } from '../../views/conversations/conversation-list.fragment';
import { ConversationPage } from '../../views/conversations/conversation.page';
import { TimelineItems } from '../../views/conversations/timeline.fragment';
import { Composer } from '../../views/conversations/composer.fragment';
import { TemplatePreview } from '../../views/conversations/template-preview.fragment';
import { acquireReplyLock } from './acquire-reply-lock';
import { getInboxBehaviour } from '../settings/inbox-behaviour';

export interface ConversationsRoutesOptions {
  /** Told when an agent opens a conversation that had unread messages (the channel sends WhatsApp read receipts). */
  onConversationRead?: (conversationId: string) => void;
}

/**
 * The inbox pages: the conversation list, one conversation, and the fragments htmx swaps into them (a further list
 * page, older messages, the composer, the template preview). Reading only; sending lives in conversation-actions.
 */
export function conversationsRoutes(deps: AppDeps, options: ConversationsRoutesOptions = {}) {
  // The one visibility check (conversation-access.ts) first, so per-inbox rules added there cover these pages too.
  const requireConversation = (viewer: Viewer | undefined, id: string): ConversationSummary => {
    ensureCanViewConversation(deps.db, viewer, id);
    const summary = findConversationSummary(deps.db, id);
    if (!summary) throw createConversationNotFoundError();
    return summary;
  };

  return new Elysia()
    .use(webContext(deps))
    .get(
      '/conversations',
      ({ page, query, request, viewer }) => {
        // Views, filters, sort and search are allowlisted in list-query.ts; unknown values fall back to defaults.
        const filters = parseListFilters((name) => queryText(query, name));
        const status = filters.status;
        const inboxId = queryText(query, 'inbox') || null;
        const cursor = decodeCursor(queryText(query, 'cursor'));
        const now = deps.clock.now();
        // htmx asks for rows only: the next page ("load more"), or the list re-filtered by the search box.
        if (isPartialRequest(request.headers)) {
          const inboxes = listInboxChoices(deps.db);
          const known = inboxes.some((i) => i.id === inboxId) ? inboxId : null;
          return <ConversationRows page={page} view={buildConversationListView(deps.db, { status, inboxId: known, cursor, now, viewer, filters }, inboxes.length > 1)} />;
        }
        return <InboxPage page={page} view={buildInboxView(deps.db, { status, inboxId, cursor, now, viewer, filters })} />;
      },
      { access: INBOX_USERS },
    )
    .get(
      '/conversations/:id',
      ({ page, params, query, request, viewer }) => {
        const summary = requireConversation(viewer, params.id);
        // Reading marks it read, but never for a page another site made the browser load.
        if (request.headers.get('sec-fetch-site') !== 'cross-site' && resetUnreadCount(deps.db, summary.id)) {
          summary.unreadCount = 0;
          options.onConversationRead?.(summary.id);
        }
        // Opening to reply takes the reply lock (or shows who holds it); same cross-site caution as above.
        if (request.headers.get('sec-fetch-site') !== 'cross-site') acquireReplyLock({ conversationId: summary.id, userId: viewer!.user.id, lockMinutes: getInboxBehaviour(deps.db).lockMinutes }, deps);
        const view = buildConversationPageView(deps.db, summary, {
          viewer: viewer!,
          before: decodeCursor(queryText(query, 'before')),
          composer: { now: deps.clock.now(), viewer: viewer?.user, replyToId: queryText(query, 'reply_to') || undefined, templateId: queryText(query, 'template') || undefined },
        });
        return <ConversationPage page={page} view={view} />;
      },
      { access: INBOX_USERS },
    )
    .get(
      '/conversations/:id/messages',
      ({ page, params, query, request, redirect, viewer }) => {
        const summary = requireConversation(viewer, params.id);
        const before = decodeCursor(queryText(query, 'before'));
        if (!isPartialRequest(request.headers)) return redirect(`/conversations/${summary.id}${before ? `?before=${queryText(query, 'before')}` : ''}`, 303);
        return <TimelineItems page={page} view={buildTimelineView(deps.db, summary, { before, now: deps.clock.now() })} />;
      },
      { access: INBOX_USERS },
    )
    .get(
      '/conversations/:id/composer',
      ({ page, params, query, viewer }) => {
        const summary = requireConversation(viewer, params.id);
        const composer = buildComposerView(deps.db, summary, {
          now: deps.clock.now(),
          viewer: viewer?.user,
          replyToId: queryText(query, 'reply_to') || undefined,
          templateId: queryText(query, 'template') || undefined,
        });
        return <Composer page={page} view={composer} />;
      },
      { access: INBOX_USERS },
    )
    .get(
      '/conversations/:id/template-preview',
      ({ page, params, query, request, viewer }) => {
        const summary = requireConversation(viewer, params.id);
        const template = findApprovedTemplate(deps.db, summary.inboxId, { id: queryText(query, 'template') });
        const search = new URL(request.url).searchParams;
        const variables = readVariables((name) => search.get(name) ?? undefined);
        const preview = template ? templatePreview(template.components, variables) : { header: '', body: '', footer: '' };
        return <TemplatePreview page={page} view={preview} />;
      },
      { access: INBOX_USERS },
    );
}

import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import { webContext } from '../accounts/web-context.plugin';
import { INBOX_USERS } from '../accounts/access-policy';
import { isAppError } from '../platform/errors';
import { formText } from '../platform/http/form-errors';
import { isPartialRequest } from '../platform/http/htmx';
import type { MessageKey } from '../i18n/translate';
import type { PageContext } from '../../views/layout/page-context';
import { CONVERSATION_STATUSES, type ConversationStatus } from './conversations.tables';
import { findConversationSummary, type ConversationSummary } from './conversation-views.repository';
import { findTimelineMessage } from './message-views.repository';
import { ensureCanActOnConversation } from './conversation-access';
import type { Viewer } from '../accounts/sessions';
import { createConversationNotFoundError, createMessageNotFoundError } from './conversations.errors';
import { queueOutboundMessage } from './queue-outbound-message';
import { resendDeadMessage } from './outbox';
import { changeConversationStatus } from './change-conversation-status';
import { addInternalNote } from './add-internal-note';
import { getNoteLimit } from './note-settings';
import { publishNotificationCreated } from './notifications.repository';
import { resolveTemplateContent } from './resolve-template-content';
import { buildComposerView, type ComposerState } from './composer-view';
import { buildConversationPageView } from './conversation-page-view';
import { messageViewContext } from './timeline-view';
import { toMessageView } from './message-view';
import { readVariables } from './form-values';
import { Composer } from '../../views/conversations/composer.fragment';
import { NoteForm } from '../../views/conversations/note-form.fragment';
import { ConversationPage } from '../../views/conversations/conversation.page';
import { MessageBubble } from '../../views/conversations/message-bubble';
import { TIMELINE_MESSAGES_ID } from '../../views/conversations/timeline.fragment';
import { renderError } from '../../views/errors/render-error';
import { claimReplyLock } from './acquire-reply-lock';
import { touchAgentActivity } from './locks.repository';
import { getInboxBehaviour } from '../settings/inbox-behaviour';

/** Refusals the composer explains in place (htmx 4 swaps 4xx): window closed, Meta's limits, a vanished quote. */
const COMPOSER_REFUSALS = [404, 409, 422];

/**
 * What agents do in a conversation: send text or a template, resend a lost message, resolve or reopen. Sends go
 * through queueOutboundMessage, so the UI and the API obey the same rules.
 */
export function conversationActionsRoutes(deps: AppDeps) {
  // The one action check (conversation-access.ts → inbox-access.ts) first: out-of-scope ids answer 404, change nothing.
  const requireConversation = (viewer: Viewer | undefined, id: string): ConversationSummary => {
    ensureCanActOnConversation(deps.db, viewer, id);
    const summary = findConversationSummary(deps.db, id);
    if (!summary) throw createConversationNotFoundError();
    return summary;
  };

  /**
   * After a send or a note: htmx gets the form fresh (the composer unless told otherwise) plus the new bubble
   * appended to the timeline; a plain form post goes back to the page.
   */
  const sent = (page: PageContext, request: Request, summary: ConversationSummary, messageId: string, redirect: (url: string, status: 303) => Response, form: 'composer' | 'note' = 'composer') => {
    if (!isPartialRequest(request.headers)) return redirect(`/conversations/${summary.id}`, 303);
    const now = deps.clock.now();
    const fresh = findConversationSummary(deps.db, summary.id) ?? summary;
    const item = findTimelineMessage(deps.db, summary.id, messageId);
    const bubble = item ? toMessageView(item, messageViewContext(deps.db, summary.inboxId, now)) : undefined;
    return (
      <>
        {form === 'note' ? <NoteForm page={page} conversationId={summary.id} limit={getNoteLimit(deps.db)} /> : <Composer page={page} view={buildComposerView(deps.db, fresh, { now, viewer: page.user })} />}
        {bubble ? (
          <hx-partial hx-target={`#${TIMELINE_MESSAGES_ID}`} hx-swap="beforeend">
            <MessageBubble page={page} conversationId={summary.id} message={bubble} />
          </hx-partial>
        ) : (
          ''
        )}
      </>
    );
  };

  /** A refused send: the composer (or, without htmx, the whole page) again, with the reason and what was typed. */
  const refused = (page: PageContext, request: Request, summary: ConversationSummary, error: unknown, state: Omit<ComposerState, 'now' | 'error'>) => {
    if (!isAppError(error) || !COMPOSER_REFUSALS.includes(error.status) || error.code === 'conversations.not_found') throw error;
    const composer: ComposerState = { ...state, now: deps.clock.now(), viewer: page.user, error: page.t(error.messageKey as MessageKey, error.vars) };
    const body = isPartialRequest(request.headers) ? (
      <Composer page={page} view={buildComposerView(deps.db, summary, composer)} />
    ) : (
      <ConversationPage page={page} view={buildConversationPageView(deps.db, summary, { composer, viewer: { user: page.user! } })} />
    );
    return new Response(body as string, { status: error.status, headers: { 'content-type': 'text/html; charset=utf-8' } });
  };

  return new Elysia()
    .use(webContext(deps))
    .post(
      '/conversations/:id/messages',
      ({ page, params, body, viewer, request, redirect }) => {
        const summary = requireConversation(viewer, params.id);
        const text = formText(body, 'text');
        const replyToId = formText(body, 'reply_to') || undefined;
        try {
          // The reply lock: refused (409, nothing queued) while someone else holds it; taken or renewed otherwise.
          claimReplyLock({ conversationId: summary.id, userId: viewer!.user.id, lockMinutes: getInboxBehaviour(deps.db).lockMinutes }, deps);
          const { messageId } = queueOutboundMessage(
            { conversationId: summary.id, author: { type: 'agent', id: viewer!.user.id }, content: { kind: 'text', text }, replyToMessageId: replyToId },
            deps,
          );
          deps.live?.publish({ type: 'message.created', conversationId: summary.id, inboxId: summary.inboxId, direction: 'outbound' });
          return sent(page, request, summary, messageId, redirect);
        } catch (error) {
          return refused(page, request, summary, error, { text, replyToId });
        }
      },
      { access: INBOX_USERS },
    )
    .post(
      '/conversations/:id/templates',
      ({ page, params, body, viewer, request, redirect }) => {
        const summary = requireConversation(viewer, params.id);
        const templateId = formText(body, 'template');
        const variables = readVariables((name) => (body as Record<string, unknown> | undefined)?.[name]);
        try {
          claimReplyLock({ conversationId: summary.id, userId: viewer!.user.id, lockMinutes: getInboxBehaviour(deps.db).lockMinutes }, deps);
          const content = resolveTemplateContent(deps.db, summary.inboxId, { id: templateId }, variables);
          const { messageId } = queueOutboundMessage({ conversationId: summary.id, author: { type: 'agent', id: viewer!.user.id }, content }, deps);
          deps.live?.publish({ type: 'message.created', conversationId: summary.id, inboxId: summary.inboxId, direction: 'outbound' });
          return sent(page, request, summary, messageId, redirect);
        } catch (error) {
          return refused(page, request, summary, error, { templateId, variables });
        }
      },
      { access: INBOX_USERS },
    )
    .post(
      '/conversations/:id/notes',
      ({ page, params, body, viewer, request, set, redirect }) => {
        const summary = requireConversation(viewer, params.id);
        const text = formText(body, 'note');
        try {
          const { messageId, notifiedUserIds } = addInternalNote({ conversationId: summary.id, authorId: viewer!.user.id, text }, deps);
          touchAgentActivity(deps.db, summary.id, viewer!.user.id, deps.clock.now());
          for (const userId of notifiedUserIds) publishNotificationCreated(deps.live, userId);
          deps.live?.publish({ type: 'conversation.changed', conversationId: summary.id, inboxId: summary.inboxId });
          return sent(page, request, summary, messageId, redirect, 'note');
        } catch (error) {
          if (!isAppError(error) || error.status !== 422) throw error;
          set.status = 422;
          return <NoteForm page={page} conversationId={summary.id} text={text} limit={getNoteLimit(deps.db)} error={page.t(error.messageKey as MessageKey, error.vars)} />;
        }
      },
      { access: INBOX_USERS },
    )
    .post(
      '/conversations/:id/messages/:messageId/resend',
      ({ page, params, request, redirect, viewer }) => {
        const summary = requireConversation(viewer, params.id);
        if (!findTimelineMessage(deps.db, summary.id, params.messageId)) throw createMessageNotFoundError();
        try {
          resendDeadMessage({ messageId: params.messageId }, deps);
        } catch (error) {
          return refused(page, request, summary, error, {});
        }
        deps.live?.publish({ type: 'message.updated', conversationId: summary.id, inboxId: summary.inboxId });
        return redirect(`/conversations/${summary.id}`, 303);
      },
      { access: INBOX_USERS },
    )
    .post(
      '/conversations/:id/status',
      ({ page, params, body, viewer, request, set, redirect }) => {
        const summary = requireConversation(viewer, params.id);
        const status = formText(body, 'status');
        if (!(CONVERSATION_STATUSES as readonly string[]).includes(status)) {
          set.status = 422;
          return renderError(request.headers, page, 'badRequest');
        }
        changeConversationStatus({ conversationId: summary.id, status: status as ConversationStatus, actor: { id: viewer!.user.id, name: viewer!.user.name } }, deps);
        deps.live?.publish({ type: 'conversation.changed', conversationId: summary.id, inboxId: summary.inboxId });
        return redirect(`/conversations/${summary.id}`, 303);
      },
      { access: INBOX_USERS },
    );
}

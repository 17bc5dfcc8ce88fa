import { join } from 'node:path';
import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import { webContext } from '../accounts/web-context.plugin';
import { INBOX_USERS } from '../accounts/access-policy';
import type { Viewer } from '../accounts/sessions';
import { isAppError } from '../platform/errors';
import { formText } from '../platform/http/form-errors';
import { isPartialRequest } from '../platform/http/htmx';
import type { MessageKey } from '../i18n/translate';
import type { PageContext } from '../../views/layout/page-context';
import { ensureCanViewConversation } from './conversation-access';
import { findConversationSummary } from './conversation-views.repository';
import { createConversationNotFoundError } from './conversations.errors';
import { findTimelineMessage } from './message-views.repository';
import { messageViewContext } from './timeline-view';
import { toMessageView } from './message-view';
import { queueOutboundMessage } from './queue-outbound-message';
import { checkUpload } from './upload-policy';
import { storeOutboundUpload } from './store-outbound-upload';
import { AttachmentForm, ButtonsForm } from '../../views/conversations/attachment-form';
import { MessageBubble } from '../../views/conversations/message-bubble';
import { TIMELINE_MESSAGES_ID } from '../../views/conversations/timeline.fragment';

/** Refusals shown in place: window closed (409), Meta's limits or a refused file (422). */
const REFUSALS = [409, 422];

const html = (body: unknown, status: number) => new Response(String(body), { status, headers: { 'content-type': 'text/html; charset=utf-8' } });

/** Agents' files and reply buttons; both end in queueOutboundMessage like a text reply. */
export function attachmentsRoutes(deps: AppDeps) {
  const mediaDir = join(deps.config.dataDir, 'media');
  const requireConversation = (viewer: Viewer | undefined, id: string) => {
    ensureCanViewConversation(deps.db, viewer, id);
    const summary = findConversationSummary(deps.db, id);
    if (!summary) throw createConversationNotFoundError();
    return summary;
  };

  /** The fresh form, plus the new bubble appended to the timeline (htmx); the page again otherwise. */
  const sent = (page: PageContext, request: Request, conversationId: string, inboxId: string, messageId: string, form: unknown) => {
    if (!isPartialRequest(request.headers)) return new Response(null, { status: 303, headers: { location: `/conversations/${conversationId}` } });
    const item = findTimelineMessage(deps.db, conversationId, messageId);
    const bubble = item ? toMessageView(item, messageViewContext(deps.db, inboxId, deps.clock.now())) : undefined;
    return html(
      <>
        {form}
        {bubble ? (
          <hx-partial hx-target={`#${TIMELINE_MESSAGES_ID}`} hx-swap="beforeend">
            <MessageBubble page={page} conversationId={conversationId} message={bubble} />
          </hx-partial>
        ) : (
          ''
        )}
      </>,
      200,
    );
  };

  return new Elysia()
    .use(webContext(deps))
    .post(
      '/conversations/:id/attachments',
      async ({ page, params, body, viewer, request }) => {
        const summary = requireConversation(viewer, params.id);
        const fields = (body ?? {}) as Record<string, unknown>;
        const file = fields.file instanceof Blob ? fields.file : undefined;
        const caption = formText(body, 'caption');
        const refuse = (error: string, status = 422) => html(<AttachmentForm page={page} conversationId={summary.id} caption={caption} error={error} />, status);
        if (!file || file.size === 0) return refuse(page.t('attach.error.required'));
        const bytes = new Uint8Array(await file.arrayBuffer());
        const verdict = checkUpload(file.type, bytes);
        if (!verdict.ok) {
          if (verdict.reason === 'size') return refuse(page.t('attach.error.size', { size: page.format.number(Math.round(((verdict.maxBytes ?? 0) / 1024 / 1024) * 10) / 10) }));
          return refuse(page.t(verdict.reason === 'empty' ? 'attach.error.required' : 'attach.error.type'));
        }
        try {
          const fileName = file instanceof File ? file.name : '';
          const { messageId } = await storeOutboundUpload({ conversationId: summary.id, authorId: viewer!.user.id, bytes, mimeType: verdict.mimeType, fileName, caption }, { ...deps, mediaDir });
          return sent(page, request, summary.id, summary.inboxId, messageId, <AttachmentForm page={page} conversationId={summary.id} />);
        } catch (error) {
          if (!isAppError(error) || !REFUSALS.includes(error.status)) throw error;
          return refuse(page.t(error.messageKey as MessageKey, error.vars), error.status);
        }
      },
      { access: INBOX_USERS },
    )
    .post(
      '/conversations/:id/buttons',
      ({ page, params, body, viewer, request }) => {
        const summary = requireConversation(viewer, params.id);
        const raw = (body as Record<string, unknown> | undefined)?.button;
        const titles = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string').map((v) => v.trim());
        const text = formText(body, 'body');
        const buttons = titles.filter(Boolean).map((title, i) => ({ id: `btn_${i + 1}`, title }));
        try {
          const { messageId } = queueOutboundMessage({ conversationId: summary.id, author: { type: 'agent', id: viewer!.user.id }, content: { kind: 'buttons', body: text, buttons } }, deps);
          return sent(page, request, summary.id, summary.inboxId, messageId, <ButtonsForm page={page} conversationId={summary.id} />);
        } catch (error) {
          if (!isAppError(error) || !REFUSALS.includes(error.status)) throw error;
          return html(<ButtonsForm page={page} conversationId={summary.id} body={text} titles={titles} error={page.t(error.messageKey as MessageKey, error.vars)} />, error.status);
        }
      },
      { access: INBOX_USERS },
    );
}

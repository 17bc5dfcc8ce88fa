import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import { webContext } from '../accounts/web-context.plugin';
import { INBOX_USERS } from '../accounts/access-policy';
import { createErrorFactory, isAppError } from '../platform/errors';
import type { MessageKey } from '../i18n/translate';
import type { PageContext } from '../../views/layout/page-context';
import { formText } from '../platform/http/form-errors';
import { safeNextPath } from '../platform/http/safe-redirect';
import { getBusinessSettings } from '../settings/business-settings';
import type { Viewer } from '../accounts/sessions';
import { PRIORITIES, type Priority } from './list-query';
import type { ChangeActor } from './conversation-change';
import { assignConversation } from './assign-conversation';
import { transferConversation } from './transfer-conversation';
import { snoozeConversation, snoozeTimeFromLocal } from './snooze-conversation';
import { setPriority } from './set-priority';
import { setLabels } from './set-labels';
import { markUnread } from './mark-unread';
import { bulkUpdate, type BulkAction } from './bulk-update';
import { ActionRefusedPage } from '../../views/conversations/action-refused.page';

/** A value outside the allowlist: refused whole, nothing changed. */
const createBadChoiceError = createErrorFactory({ code: 'conversations.bad_choice', status: 422, messageKey: 'list.error.badChoice' });

const ID = /^[\w-]{1,64}$/;
const idOrNone = (value: string): string | null => {
  if (value === 'none' || value === '') return null;
  if (!ID.test(value)) throw createBadChoiceError();
  return value;
};
const priorityOf = (value: string): Priority => {
  if (!(PRIORITIES as readonly string[]).includes(value)) throw createBadChoiceError();
  return value as Priority;
};
const formList = (body: unknown, name: string): string[] => {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v !== '');
};
const actorOf = (viewer: Viewer | undefined): ChangeActor => ({ id: viewer!.user.id, name: viewer!.user.name, role: viewer!.user.role });

/**
 * The handling actions of a conversation (assign, transfer, snooze, priority, labels, mark unread) and the list's
 * bulk form. Thin: each parses its form against allowlists and calls one use case, which checks access per
 * conversation (404 when not yours to change), writes a timeline line and tells open tabs.
 */
export function conversationChangesRoutes(deps: AppDeps) {
  const back = (id: string) => `/conversations/${id}`;
  /** Runs the change; a refusal (409/422) shows its reason with a way back, at that status. 404s go to the error pages. */
  const attempt = (page: PageContext, backTo: string, change: () => Response): Response => {
    try {
      return change();
    } catch (error) {
      if (!isAppError(error) || (error.status !== 409 && error.status !== 422)) throw error;
      const message = page.t(error.messageKey as MessageKey, error.vars);
      return new Response(String(<ActionRefusedPage page={page} message={message} backTo={backTo} />), { status: error.status, headers: { 'content-type': 'text/html; charset=utf-8' } });
    }
  };
  return new Elysia()
    .use(webContext(deps))
    .post(
      '/conversations/:id/assign',
      ({ page, params, body, viewer, redirect }) =>
        attempt(page, back(params.id), () => {
          const input = { assigneeId: idOrNone(formText(body, 'assignee')), teamId: idOrNone(formText(body, 'team')), overrideCapacity: formText(body, 'override') === '1' };
          assignConversation({ conversationId: params.id, ...input, actor: actorOf(viewer) }, deps);
          return redirect(back(params.id), 303);
        }),
      { access: INBOX_USERS },
    )
    .post(
      '/conversations/:id/transfer',
      ({ page, params, body, viewer, redirect }) =>
        attempt(page, back(params.id), () => {
          const match = /^(agent|team):([\w-]{1,64})$/.exec(formText(body, 'to'));
          if (!match) throw createBadChoiceError();
          const to = match[1] === 'agent' ? { assigneeId: match[2]! } : { teamId: match[2]! };
          transferConversation({ conversationId: params.id, to, note: formText(body, 'note'), actor: actorOf(viewer), overrideCapacity: formText(body, 'override') === '1' }, deps);
          return redirect(back(params.id), 303);
        }),
      { access: INBOX_USERS },
    )
    .post(
      '/conversations/:id/snooze',
      ({ page, params, body, viewer, redirect }) =>
        attempt(page, back(params.id), () => {
          const until = snoozeTimeFromLocal(formText(body, 'until'), getBusinessSettings(deps.db).timeZone);
          if (until === null) throw createBadChoiceError();
          snoozeConversation({ conversationId: params.id, until, actor: actorOf(viewer) }, deps);
          return redirect(back(params.id), 303);
        }),
      { access: INBOX_USERS },
    )
    .post(
      '/conversations/:id/priority',
      ({ page, params, body, viewer, redirect }) =>
        attempt(page, back(params.id), () => {
          setPriority({ conversationId: params.id, priority: priorityOf(formText(body, 'priority')), actor: actorOf(viewer) }, deps);
          return redirect(back(params.id), 303);
        }),
      { access: INBOX_USERS },
    )
    .post(
      '/conversations/:id/labels',
      ({ page, params, body, viewer, redirect }) =>
        attempt(page, back(params.id), () => {
          const add = formList(body, 'add');
          const remove = formList(body, 'remove');
          if (![...add, ...remove].every((id) => ID.test(id))) throw createBadChoiceError();
          setLabels({ conversationId: params.id, add, remove, actor: actorOf(viewer) }, deps);
          return redirect(back(params.id), 303);
        }),
      { access: INBOX_USERS },
    )
    .post(
      '/conversations/:id/unread',
      ({ params, viewer, redirect }) => {
        markUnread({ conversationId: params.id, actor: actorOf(viewer) }, deps);
        // Back to the list: reopening the conversation would read it again.
        return redirect('/conversations', 303);
      },
      { access: INBOX_USERS },
    )
    .post(
      '/conversations/bulk',
      ({ page, body, viewer, redirect }) => {
        const returnTo = safeNextPath(formText(body, 'return_to'), '/conversations');
        return attempt(page, returnTo, () => {
          bulkUpdate({ conversationIds: formList(body, 'ids'), actions: bulkActions(body), actor: actorOf(viewer) }, deps);
          return redirect(returnTo, 303);
        });
      },
      { access: INBOX_USERS },
    );
}

/** The bulk form's fields as changes; at least one conversation and one change, every value allowlisted. */
function bulkActions(body: unknown): BulkAction[] {
  const actions: BulkAction[] = [];
  const assignee = formText(body, 'assignee');
  if (assignee) actions.push({ type: 'assign', assigneeId: idOrNone(assignee) });
  const status = formText(body, 'status');
  if (status) {
    if (status !== 'open' && status !== 'pending' && status !== 'resolved') throw createBadChoiceError();
    actions.push({ type: 'status', status });
  }
  const label = formText(body, 'label');
  if (label) actions.push({ type: 'label', labelId: idOrNone(label) ?? '' });
  const priority = formText(body, 'priority');
  if (priority) actions.push({ type: 'priority', priority: priorityOf(priority) });
  const ids = formList(body, 'ids');
  if (ids.length === 0 || actions.length === 0 || !ids.every((id) => ID.test(id))) throw createBadChoiceError();
  return actions;
}

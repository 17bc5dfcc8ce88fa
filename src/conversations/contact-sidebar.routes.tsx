import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import { webContext } from '../accounts/web-context.plugin';
import { INBOX_USERS } from '../accounts/access-policy';
import { formText } from '../platform/http/form-errors';
import { isPartialRequest } from '../platform/http/htmx';
import { ensureCanViewConversation } from './conversation-access';
import { findConversationSummary } from './conversation-views.repository';
import { createConversationNotFoundError } from './conversations.errors';
import { buildContactSidebarView } from './contact-sidebar-view';
import { editConversationContact } from './edit-conversation-contact';
import { parseContactEdit } from '../contacts/update-contact';
import { SidebarEditor } from '../../views/conversations/sidebar-editor';

const formList = (body: unknown, name: string): string[] => {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
};

/** Edits the conversation's contact from the sidebar; access goes through the conversation (404 when not visible). */
export function contactSidebarRoutes(deps: AppDeps) {
  return new Elysia().use(webContext(deps)).post(
    '/conversations/:id/contact',
    ({ page, params, body, viewer, request, set, redirect }) => {
      ensureCanViewConversation(deps.db, viewer, params.id);
      const summary = findConversationSummary(deps.db, params.id);
      if (!summary) throw createConversationNotFoundError();
      const form = {
        name: formText(body, 'name'),
        tags: formText(body, 'tags'),
        keys: formList(body, 'attr_key'),
        values: formList(body, 'attr_value'),
        vip: formText(body, 'vip') === '1',
        owner: formText(body, 'owner'),
        optedIn: formText(body, 'opted_in') === '1',
      };
      const parsed = parseContactEdit(form);
      const saved = parsed.ok && editConversationContact({ conversationId: summary.id, edit: parsed.edit, actor: { id: viewer!.user.id, name: viewer!.user.name } }, deps);
      if (!saved) {
        set.status = 422;
        const view = buildContactSidebarView(deps.db, summary, viewer!);
        const typed = {
          ...view,
          name: form.name,
          tags: form.tags.split(/[,،]/).map((t) => t.trim()).filter(Boolean),
          attributes: form.keys.map((k, i): [string, string] => [k, form.values[i] ?? '']).filter(([k, v]) => k || v),
          vip: form.vip,
          ownerAgentId: form.owner || null,
          optedIn: form.optedIn,
        };
        return <SidebarEditor page={page} view={typed} errors={parsed.ok ? { ownerAgentId: true } : parsed.errors} />;
      }
      if (!isPartialRequest(request.headers)) return redirect(`/conversations/${summary.id}`, 303);
      return <SidebarEditor page={page} view={buildContactSidebarView(deps.db, summary, viewer!)} notice={page.t('sidebar.saved')} />;
    },
    { access: INBOX_USERS },
  );
}

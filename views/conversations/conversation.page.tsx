import type { PageContext } from '../layout/page-context';
import type { ConversationRowView } from '../../src/conversations/conversation-view';
import type { ConversationPageView } from '../../src/conversations/conversation-page-view';
import { AppShell } from '../layout/app-shell';
import { CsrfField } from '../components/form-field';
import { Timeline } from './timeline.fragment';
import { Composer } from './composer.fragment';
import { NoteForm } from './note-form.fragment';
import { ContactPanel } from './contact-panel';
import { WindowBadge } from './window-badge';
import { ShortcutsHelp } from './shortcuts-help';
import { ConversationActions } from './conversation-actions';
import { BotSummarySlot } from './bot-summary';
import { CsatRatingSlot } from '../csat/csat-rating.fragment';

/** One conversation: header with status actions, the timeline, the composer, and the contact beside (below on phones). */
export function ConversationPage({ page, view }: { page: PageContext; view: ConversationPageView }) {
  const c = view.conversation;
  return (
    <AppShell page={page} title={view.contact.displayName}>
      <div class="conversation-layout">
        <div class="conversation-main">
          <header class="conversation-header">
            <a href="/conversations" class="back-link" safe>
              {page.t('inbox.backToList')}
            </a>
            <h1 dir="auto" safe>
              {view.contact.displayName}
            </h1>
            <div class="conversation-badges">
              <span class={`badge status-${c.status}`} safe>
                {page.t(`inbox.status.${c.status}`)}
              </span>
              <WindowBadge page={page} window={c.window} />
            </div>
            <StatusActions page={page} conversation={c} />
            <ConversationActions page={page} view={view.actions} />
          </header>
          <BotSummarySlot conversationId={c.id} />
          <CsatRatingSlot conversationId={c.id} />
          <Timeline page={page} view={view.timeline} />
          <Composer page={page} view={view.composer} />
          <NoteForm page={page} conversationId={c.id} limit={view.noteLimit} />
        </div>
        <ContactPanel page={page} contact={view.contact} conversation={c} sidebar={view.sidebar} />
      </div>
      <ShortcutsHelp page={page} />
    </AppShell>
  );
}

function StatusActions({ page, conversation }: { page: PageContext; conversation: ConversationRowView }) {
  const resolved = conversation.status === 'resolved';
  return (
    <form method="post" action={`/conversations/${conversation.id}/status`} class="status-actions">
      <CsrfField page={page} />
      <input type="hidden" name="status" value={resolved ? 'open' : 'resolved'} />
      <button type="submit" class="secondary" safe>
        {page.t(resolved ? 'inbox.action.reopen' : 'inbox.action.resolve')}
      </button>
    </form>
  );
}

import type { PageContext } from '../layout/page-context';
import type { ContactView, ConversationRowView } from '../../src/conversations/conversation-view';
import type { MessageKey } from '../../src/i18n/translate';
import type { ContactSidebarView } from '../../src/conversations/contact-sidebar-view';
import { SidebarEditor } from './sidebar-editor';

/** Who the customer is (every identity WhatsApp gave us) and where the conversation sits in the team. */
export function ContactPanel({ page, contact, conversation, sidebar }: { page: PageContext; contact: ContactView; conversation: ConversationRowView; sidebar?: ContactSidebarView }) {
  const rows: [MessageKey, string, 'ltr' | 'auto'][] = [
    ['inbox.contact.name', contact.name, 'auto'],
    ['inbox.contact.profileName', contact.profileName, 'auto'],
    ['inbox.contact.phone', contact.phone, 'ltr'],
    ['inbox.contact.waId', contact.waId, 'ltr'],
    ['inbox.contact.username', contact.username ? `@${contact.username}` : '', 'ltr'],
    ['inbox.contact.userId', contact.userId, 'ltr'],
  ];
  return (
    <aside id="contact-panel" class="contact-panel card" aria-label={page.t('inbox.contact.title')}>
      <h2 dir="auto" safe>
        {contact.displayName}
      </h2>
      <dl class="facts">
        {rows
          .filter(([, value]) => value)
          .map(([label, value, dir]) => (
            <>
              <dt safe>{page.t(label)}</dt>
              <dd dir={dir} safe>
                {value}
              </dd>
            </>
          ))}
        <dt safe>{page.t('inbox.contact.inbox')}</dt>
        <dd dir="auto" safe>
          {conversation.inboxName}
        </dd>
        <dt safe>{page.t('inbox.assignee')}</dt>
        <dd dir="auto" safe>
          {conversation.assigneeName ?? page.t('inbox.unassigned')}
        </dd>
        {conversation.teamName ? (
          <>
            <dt safe>{page.t('inbox.team')}</dt>
            <dd dir="auto" safe>
              {conversation.teamName}
            </dd>
          </>
        ) : (
          ''
        )}
      </dl>
      {sidebar ? <SidebarEditor page={page} view={sidebar} /> : ''}
    </aside>
  );
}

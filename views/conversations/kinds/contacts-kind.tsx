import type { PageContext } from '../../layout/page-context';
import type { MessageDetail } from '../../../src/conversations/message-detail';

type Contacts = Extract<MessageDetail, { type: 'contacts' }>;

/** Shared contact cards: names, organisation, phones as tel: links and emails as mailto: links. */
export function ContactsKind({ page, detail }: { page: PageContext; detail: Contacts }) {
  if (detail.cards.length === 0) {
    return (
      <p class="muted" safe>
        {page.t('inbox.kind.contacts')}
      </p>
    );
  }
  return (
    <ul class="contact-cards">
      {detail.cards.map((card) => (
        <li class="contact-card">
          <strong dir="auto" safe>
            {card.name || page.t('inbox.contacts.unnamed')}
          </strong>
          {card.org ? (
            <span class="muted" dir="auto" safe>
              {card.org}
            </span>
          ) : (
            ''
          )}
          {card.phones.map((phone) =>
            phone.href ? (
              <a href={phone.href} dir="ltr" safe>
                {phone.label}
              </a>
            ) : (
              <span dir="ltr" safe>
                {phone.label}
              </span>
            ),
          )}
          {card.emails.map((email) =>
            email.href ? (
              <a href={email.href} dir="ltr" safe>
                {email.label}
              </a>
            ) : (
              <span dir="ltr" safe>
                {email.label}
              </span>
            ),
          )}
        </li>
      ))}
    </ul>
  );
}

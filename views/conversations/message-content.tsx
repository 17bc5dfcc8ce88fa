import type { PageContext } from '../layout/page-context';
import type { MessageView } from '../../src/conversations/message-view';
import { TextKind } from './kinds/text-kind';
import { MediaKind } from './kinds/media-kind';
import { LocationKind } from './kinds/location-kind';
import { ContactsKind } from './kinds/contacts-kind';
import { ChoiceKind, OptionsKind } from './kinds/choice-kind';
import { OrderKind } from './kinds/order-kind';
import { TemplateKind } from './kinds/template-kind';
import { UnsupportedKind } from './kinds/unsupported-kind';

/** Picks the component for the message's kind; one small component per kind lives in ./kinds. */
export function MessageContent({ page, message }: { page: PageContext; message: MessageView }) {
  const d = message.detail;
  switch (d.type) {
    case 'text':
    case 'note':
      return <TextKind message={message} />;
    case 'media':
      return <MediaKind page={page} message={message} mediaKind={d.mediaKind} />;
    case 'placeholder':
      return (
        <p class="muted" safe>
          {page.t('inbox.media.placeholder')}
        </p>
      );
    case 'location':
      return <LocationKind page={page} detail={d} />;
    case 'contacts':
      return <ContactsKind page={page} detail={d} />;
    case 'choice':
      return <ChoiceKind page={page} detail={d} />;
    case 'options':
      return (
        <>
          <TextKind message={message} />
          <OptionsKind detail={d} />
        </>
      );
    case 'reaction':
      return (
        <p class="muted" safe>
          {page.t('inbox.reaction.sent', { emoji: d.emoji })}
        </p>
      );
    case 'order':
      return <OrderKind page={page} detail={d} />;
    case 'template':
      return <TemplateKind page={page} detail={d} />;
    case 'unsupported':
      return <UnsupportedKind page={page} detail={d} />;
    case 'event':
      return '';
  }
}

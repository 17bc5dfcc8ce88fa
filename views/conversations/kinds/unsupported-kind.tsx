import type { PageContext } from '../../layout/page-context';
import type { MessageDetail } from '../../../src/conversations/message-detail';

type Unsupported = Extract<MessageDetail, { type: 'unsupported' }>;

/** WhatsApp could not pass the message on (new type, unsupported device…): say so, with Meta's reason. */
export function UnsupportedKind({ page, detail }: { page: PageContext; detail: Unsupported }) {
  return (
    <div class="unsupported">
      <p safe>{page.t('inbox.unsupported.body')}</p>
      {detail.reason ? (
        <p class="muted small" dir="auto" safe>
          {detail.reason}
        </p>
      ) : (
        ''
      )}
    </div>
  );
}

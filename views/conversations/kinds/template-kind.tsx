import type { PageContext } from '../../layout/page-context';
import type { MessageDetail } from '../../../src/conversations/message-detail';

type Template = Extract<MessageDetail, { type: 'template' }>;

/** A template we sent: its name and the body with the variables filled in. */
export function TemplateKind({ page, detail }: { page: PageContext; detail: Template }) {
  return (
    <div class="template-message">
      <span class="muted small">
        <span safe>{page.t('inbox.template.label')}</span> <code safe>{detail.name}</code>
      </span>
      {detail.text ? (
        <p class="bubble-text" dir="auto" safe>
          {detail.text}
        </p>
      ) : (
        ''
      )}
    </div>
  );
}

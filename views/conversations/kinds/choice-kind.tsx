import type { PageContext } from '../../layout/page-context';
import type { MessageDetail } from '../../../src/conversations/message-detail';

type Choice = Extract<MessageDetail, { type: 'choice' }>;
type Options = Extract<MessageDetail, { type: 'options' }>;

/** The customer tapped a reply button, a list row, a template quick-reply or finished a Flow: their choice as a chip. */
export function ChoiceKind({ page, detail }: { page: PageContext; detail: Choice }) {
  return (
    <div class="choice">
      <span class="muted small" safe>
        {page.t(detail.source === 'button' ? 'inbox.choice.quickReply' : detail.source === 'flow' ? 'inbox.choice.flow' : 'inbox.choice.selected')}
      </span>
      <span class="chip" dir="auto" safe>
        {detail.title}
      </span>
      {detail.description ? (
        <span class="muted small" dir="auto" safe>
          {detail.description}
        </span>
      ) : (
        ''
      )}
    </div>
  );
}

/** Our own interactive message: the text was shown by TextKind; here the buttons or list rows offered. */
export function OptionsKind({ detail }: { detail: Options }) {
  return (
    <div class="options">
      {detail.header ? (
        <strong dir="auto" safe>
          {detail.header}
        </strong>
      ) : (
        ''
      )}
      <ul class="chips">
        {detail.options.map((option) => (
          <li class="chip" dir="auto" safe>
            {option}
          </li>
        ))}
      </ul>
      {detail.button ? (
        <span class="muted small" dir="auto" safe>
          {detail.button}
        </span>
      ) : (
        ''
      )}
      {detail.footer ? (
        <span class="muted small" dir="auto" safe>
          {detail.footer}
        </span>
      ) : (
        ''
      )}
    </div>
  );
}

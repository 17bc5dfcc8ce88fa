import type { PageContext } from '../layout/page-context';
import type { ComposerView } from '../../src/conversations/composer-view';
import { CsrfField } from '../components/form-field';
import { formatDuration } from './format-duration';
import { TemplatePicker } from './template-picker';
import { kindKey } from './message-markers';
import { ComposerExtras } from './attachment-form';
import { CannedSlot } from './canned-list.fragment';
import { ReplyLockArea } from './lock-banner';

export const COMPOSER_ID = 'composer';
export const TEXT_LIMIT = 4096;

/**
 * The reply area. While the 24-hour window is open: free text with a counter and an optional quote. Once it has
 * closed WhatsApp accepts only approved templates, so the text box gives way to the template picker.
 */
export function Composer({ page, view }: { page: PageContext; view: ComposerView }) {
  return (
    <section id={COMPOSER_ID} class="composer" aria-label={page.t('inbox.composer')}>
      {view.error ? (
        <div class="alert alert-error" role="alert" safe>
          {view.error}
        </div>
      ) : (
        ''
      )}
      <ReplyLockArea page={page} lock={view.lock}>
        {view.window.open ? (
          <>
            <TextComposer page={page} view={view} />
            <ComposerExtras page={page} conversationId={view.conversationId} />
          </>
        ) : (
          <TemplatePicker page={page} conversationId={view.conversationId} view={view.templates} />
        )}
      </ReplyLockArea>
    </section>
  );
}

function TextComposer({ page, view }: { page: PageContext; view: ComposerView }) {
  const action = `/conversations/${view.conversationId}/messages`;
  const length = [...view.text].length;
  return (
    <form method="post" action={action} hx-post={action} hx-target={`#${COMPOSER_ID}`} hx-swap="outerHTML" class="composer-form">
      <CsrfField page={page} />
      <p class="window-note open small" safe>
        {page.t('inbox.window.closesIn', { time: formatDuration(page, view.window.remainingMs ?? 0) })}
      </p>
      {view.replyTo ? (
        <div class="composer-quote">
          <blockquote class="quote" dir="auto" safe>
            {view.replyTo.text || page.t(kindKey(view.replyTo.kind))}
          </blockquote>
          <input type="hidden" name="reply_to" value={view.replyTo.id} />
          <a
            href={`/conversations/${view.conversationId}#composer`}
            hx-get={`/conversations/${view.conversationId}/composer`}
            hx-target={`#${COMPOSER_ID}`}
            hx-swap="outerHTML"
            class="small"
            safe
          >
            {page.t('inbox.reply.cancel')}
          </a>
        </div>
      ) : (
        ''
      )}
      <label for="composer-text" class="visually-hidden" safe>
        {page.t('inbox.composer.label')}
      </label>
      <textarea id="composer-text" name="text" rows="3" dir="auto" required data-counter="composer-count" data-limit={String(TEXT_LIMIT)} placeholder={page.t('inbox.composer.placeholder')} safe>
        {view.text}
      </textarea>
      <CannedSlot conversationId={view.conversationId} />
      <div class="composer-actions">
        <span id="composer-count" class={`muted small${length > TEXT_LIMIT ? ' over-limit' : ''}`} aria-live="polite" safe>
          {`${page.format.number(length)} / ${page.format.number(TEXT_LIMIT)}`}
        </span>
        <button type="submit" safe>
          {page.t('inbox.composer.send')}
        </button>
      </div>
    </form>
  );
}

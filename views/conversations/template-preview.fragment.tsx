import type { PageContext } from '../layout/page-context';
import type { TemplatePreviewView } from '../../src/conversations/composer-view';

/** How the template will read with the variables typed so far; refreshed by htmx as the agent types. */
export function TemplatePreview({ page, view }: { page: PageContext; view: TemplatePreviewView }) {
  return (
    <div id="template-preview" class="template-preview" aria-live="polite">
      <span class="muted small" safe>
        {page.t('inbox.template.preview')}
      </span>
      {view.header ? (
        <strong dir="auto" safe>
          {view.header}
        </strong>
      ) : (
        ''
      )}
      <p class="bubble-text" dir="auto" safe>
        {view.body}
      </p>
      {view.footer ? (
        <span class="muted small" dir="auto" safe>
          {view.footer}
        </span>
      ) : (
        ''
      )}
    </div>
  );
}

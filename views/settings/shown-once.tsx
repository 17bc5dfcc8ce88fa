import type { PageContext } from '../layout/page-context';

/** A secret shown exactly once (an invitation link, an API token) with a button that copies it (public/app.js). */
export function ShownOnce({ page, id, label, message, secret }: { page: PageContext; id: string; label: string; message: string; secret: string }) {
  return (
    <div class="alert alert-ok shown-once" role="status">
      <p safe>{message}</p>
      <div class="copy-row" role="group" aria-label={label}>
        <code id={id} class="secret" dir="ltr" safe>
          {secret}
        </code>
        <button type="button" class="secondary" data-copy={`#${id}`} safe>
          {page.t('settings.copy')}
        </button>
      </div>
    </div>
  );
}

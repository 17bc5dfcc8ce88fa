import type { PageContext } from '../layout/page-context';
import { Document } from '../layout/document';

export type ErrorKind = 'notFound' | 'forbidden' | 'server' | 'badRequest';

/** A whole error page; used for normal and boosted navigation. */
export function ErrorPage({ page, kind }: { page: PageContext; kind: ErrorKind }) {
  const title = page.t(`error.${kind}.title`);
  return (
    <Document page={page} title={title} bodyClass="auth-body">
      <main id="main" class="auth-card">
        <h1 safe>{title}</h1>
        <p safe>{page.t(`error.${kind}.body`, { requestId: page.requestId })}</p>
        <p>
          <a href="/" safe>
            {page.t('error.goHome')}
          </a>
        </p>
      </main>
    </Document>
  );
}

/** The same message as a small alert, for htmx swaps. */
export function ErrorFragment({ page, kind, message }: { page: PageContext; kind: ErrorKind; message?: string }) {
  return (
    <div class="alert alert-error" role="alert" safe>
      {message ?? page.t(`error.${kind}.body`, { requestId: page.requestId })}
    </div>
  );
}

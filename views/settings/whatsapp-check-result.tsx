import type { PageContext } from '../layout/page-context';
import type { TokenCheck } from '../../src/channel/whatsapp/channels/token-check';

/** The outcome of "Check connection": the number Meta reports, or what went wrong in words an owner can act on. */
export function CheckResult({ page, result }: { page: PageContext; result: TokenCheck }) {
  if (result.ok) {
    return (
      <div class="alert alert-ok" role="status">
        <strong safe>{page.t('whatsapp.check.ok')}</strong>{' '}
        <span dir="ltr" safe>
          {result.displayPhoneNumber}
        </span>
        {result.verifiedName ? (
          <>
            {' · '}
            <span dir="auto" safe>
              {result.verifiedName}
            </span>
          </>
        ) : (
          ''
        )}
      </div>
    );
  }
  return (
    <div class="alert alert-error" role="alert">
      <strong safe>{page.t('whatsapp.check.failed')}</strong>{' '}
      <span safe>{page.t(`whatsapp.check.problem.${result.problem}`, { code: result.code ?? '-' })}</span>
      {result.detail ? (
        <span class="check-detail" dir="auto" safe>
          {page.t('whatsapp.check.metaSaid', { detail: result.detail })}
        </span>
      ) : (
        ''
      )}
    </div>
  );
}

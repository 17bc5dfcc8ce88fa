import type { Children } from '@kitajs/html';
import type { PageContext } from '../layout/page-context';
import type { LockView } from '../../src/conversations/lock-view';
import { CsrfField } from '../components/form-field';

export const LOCK_BANNER_ID = 'lock-banner';

/** m:ss, as the countdown in public/app.js writes it. */
export const clockText = (ms: number) => {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

/**
 * The reply area under the reply lock: the banner "Locked by X, m:ss left" (with "Take over" for supervisors) and
 * the composer itself, disabled while someone else holds the lock. Typing renews the viewer's own lock; leaving the
 * page releases it (public/app.js, data-lock-release). When the countdown ends, app.js fires `lock-expired` on
 * .lock-refresh and the composer comes back enabled.
 */
export function ReplyLockArea({ page, lock, children }: { page: PageContext; lock: LockView | null; children: Children }) {
  if (!lock) return <>{children}</>;
  const base = `/conversations/${lock.conversationId}/lock`;
  const locked = lock.kind === 'held-by-other';
  return (
    <>
      <LockBanner page={page} lock={lock} />
      <fieldset
        class="composer-lock"
        disabled={locked}
        hx-post={`${base}/renew`}
        hx-trigger="input throttle:30s"
        hx-swap="none"
        data-lock-release={lock.kind === 'mine' ? `${base}/release` : undefined}
      >
        {children}
      </fieldset>
    </>
  );
}

export function LockBanner({ page, lock }: { page: PageContext; lock: LockView }) {
  if (lock.kind !== 'held-by-other') return <div id={LOCK_BANNER_ID} hidden></div>;
  const [before = '', after = ''] = page.t('lock.banner.heldBy', { name: lock.holderName, time: '\u0000' }).split('\u0000');
  return (
    <div id={LOCK_BANNER_ID} class="lock-banner" role="status">
      <p>
        <span safe>{before}</span>
        <time class="lock-countdown" dir="ltr" data-expires-at={String(lock.expiresAt ?? 0)} data-remaining-ms={String(lock.remainingMs)} safe>
          {clockText(lock.remainingMs)}
        </time>
        <span safe>{after}</span>
      </p>
      <span class="lock-refresh" hidden hx-get={`/conversations/${lock.conversationId}/composer`} hx-trigger="lock-expired" hx-target="#composer" hx-swap="outerHTML"></span>
      {lock.canTakeOver ? (
        <form method="post" action={`/conversations/${lock.conversationId}/lock/take-over`} class="lock-take-over">
          <CsrfField page={page} />
          <button type="submit" class="secondary" safe>
            {page.t('lock.takeOver')}
          </button>
        </form>
      ) : (
        ''
      )}
    </div>
  );
}

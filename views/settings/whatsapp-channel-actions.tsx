import type { PageContext } from '../layout/page-context';
import { CsrfField } from '../components/form-field';

/** Asks Graph about the number and swaps the answer into the row's `#check-<id>` slot. */
export function CheckButton({ page, channelId }: { page: PageContext; channelId: string }) {
  return (
    <form method="post" action={`/settings/whatsapp/${channelId}/check`} hx-post={`/settings/whatsapp/${channelId}/check`} hx-target={`#check-${channelId}`} hx-disable="find button">
      <CsrfField page={page} />
      <button type="submit" class="secondary" safe>
        {page.t('whatsapp.check.button')}
      </button>
    </form>
  );
}

/** Lets a paused number send again once its cause is fixed. */
export function ResumeButton({ page, channelId }: { page: PageContext; channelId: string }) {
  return (
    <form method="post" action={`/settings/whatsapp/${channelId}/resume`}>
      <CsrfField page={page} />
      <button type="submit" safe>
        {page.t('whatsapp.resume.button')}
      </button>
    </form>
  );
}

export function PausedBadge({ page, reason }: { page: PageContext; reason: string | null }) {
  return (
    <>
      <span class="badge off" safe>
        {page.t('whatsapp.status.paused')}
      </span>
      {reason ? (
        <div class="muted small" dir="auto" safe>
          {reason}
        </div>
      ) : (
        ''
      )}
    </>
  );
}

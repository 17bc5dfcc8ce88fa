import type { PageContext } from '../layout/page-context';
import type { PresenceStatus } from '../../src/live/live-events';

export const PRESENCE_MENU_ID = 'presence-menu';

const CHOICES: (PresenceStatus | 'auto')[] = ['auto', 'online', 'away', 'offline'];

export interface PresenceMenuView {
  status: PresenceStatus;
  chosenStatus: PresenceStatus | null;
  /** Where a plain (non-htmx) form post returns to. */
  next: string;
}

/** The top-bar status menu: the effective status as a dot and label, and one button per choice. */
export function PresenceMenu({ page, view }: { page: PageContext; view: PresenceMenuView }) {
  const chosen = view.chosenStatus ?? 'auto';
  return (
    <details class="presence-menu" id={PRESENCE_MENU_ID}>
      <summary title={page.t('live.presence.label')}>
        <span class={`presence-dot presence-${view.status}`} aria-hidden="true"></span>
        <span safe>{page.t(`live.presence.${view.status}`)}</span>
      </summary>
      <form method="post" action="/presence" hx-post="/presence" hx-target={`#${PRESENCE_MENU_ID}`} hx-swap="outerHTML" class="presence-choices">
        <input type="hidden" name="_csrf" value={page.csrfToken} />
        <input type="hidden" name="next" value={view.next} />
        <p class="muted small" safe>
          {page.t('live.presence.autoHint')}
        </p>
        {CHOICES.map((choice) => (
          <button type="submit" name="status" value={choice} class="link-button" aria-pressed={choice === chosen ? 'true' : 'false'} safe>
            {page.t(`live.presence.${choice}`)}
          </button>
        ))}
      </form>
    </details>
  );
}

/** Placeholder the top bar renders; it loads the real menu without making every page query presence. */
export function PresenceMenuSlot() {
  return <div id={PRESENCE_MENU_ID} class="presence-menu" hx-get="/presence/menu" hx-trigger="load" hx-swap="outerHTML"></div>;
}

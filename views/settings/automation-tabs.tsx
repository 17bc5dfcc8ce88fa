import type { PageContext } from '../layout/page-context';

/** One tab per WhatsApp number: auto-replies are set per inbox. */
export function AutomationTabs({ page, inboxes, current }: { page: PageContext; inboxes: { id: string; name: string }[]; current: string }) {
  return (
    <nav class="status-tabs" aria-label={page.t('automation.tabs.label')}>
      <ul>
        {inboxes.map((inbox) => (
          <li>
            <a href={`/settings/automation/${encodeURIComponent(inbox.id)}`} aria-current={inbox.id === current ? 'page' : undefined} dir="auto" safe>
              {inbox.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

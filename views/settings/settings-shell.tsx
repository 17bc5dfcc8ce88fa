import type { Children } from '@kitajs/html';
import type { PageContext } from '../layout/page-context';
import { AppShell } from '../layout/app-shell';
import type { MessageKey } from '../../src/i18n/translate';
import type { Role } from '../../src/accounts/accounts.tables';

interface SettingsLink {
  href: string;
  label: MessageKey;
  roles: readonly Role[];
}

/** The settings sections, each shown only to the roles its routes allow. */
export const SETTINGS_LINKS: SettingsLink[] = [
  { href: '/settings/profile', label: 'settings.nav.profile', roles: ['admin', 'supervisor', 'agent', 'analyst'] },
  { href: '/settings/business', label: 'settings.nav.business', roles: ['admin'] },
  { href: '/settings/inbox-behaviour', label: 'lock.settings.nav', roles: ['admin'] },
  { href: '/settings/csat', label: 'csat.settings.nav', roles: ['admin'] },
  { href: '/settings/calendars', label: 'calendars.nav', roles: ['admin'] },
  { href: '/settings/auto-resolve', label: 'autoResolve.title', roles: ['admin'] },
  { href: '/settings/bot', label: 'menuBot.settings.nav', roles: ['admin'] },
  { href: '/settings/automation', label: 'automation.nav', roles: ['admin'] },
  { href: '/settings/users', label: 'settings.nav.users', roles: ['admin'] },
  { href: '/settings/whatsapp', label: 'settings.nav.whatsapp', roles: ['admin'] },
  { href: '/settings/webhooks', label: 'settings.nav.webhooks', roles: ['admin'] },
  { href: '/settings/teams', label: 'settings.nav.teams', roles: ['admin', 'supervisor'] },
  { href: '/settings/routing', label: 'routing.nav', roles: ['admin', 'supervisor'] },
  { href: '/settings/agents', label: 'routingPolicy.nav.agents', roles: ['admin', 'supervisor'] },
  { href: '/settings/labels', label: 'settings.nav.labels', roles: ['admin'] },
  { href: '/settings/canned-responses', label: 'settings.nav.canned', roles: ['admin', 'supervisor', 'agent'] },
  { href: '/settings/notes', label: 'settings.nav.notes', roles: ['admin'] },
  { href: '/settings/inboxes', label: 'settings.nav.inboxes', roles: ['admin'] },
  { href: '/settings/sla', label: 'sla.settings.nav', roles: ['admin'] },
  { href: '/settings/api-tokens', label: 'settings.nav.apiTokens', roles: ['admin'] },
  { href: '/settings/backups', label: 'settings.nav.backups', roles: ['admin'] },
  { href: '/settings/audit', label: 'settings.nav.audit', roles: ['admin'] },
];

/** Settings pages: the section list beside (or above, on phones) the section's content. */
export function SettingsShell({ page, title, children }: { page: PageContext; title: string; children: Children }) {
  const role = page.user?.role;
  const links = SETTINGS_LINKS.filter((link) => role && link.roles.includes(role));
  return (
    <AppShell page={page} title={title}>
      <div class="settings-layout">
        <nav class="settings-nav" aria-label={page.t('settings.title')}>
          <ul>
            {links.map((link) => (
              <li>
                <a href={link.href} aria-current={page.path.startsWith(link.href) ? 'page' : undefined} safe>
                  {page.t(link.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <section>{children}</section>
      </div>
    </AppShell>
  );
}

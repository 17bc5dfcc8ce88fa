import type { Children } from '@kitajs/html';
import type { PageContext } from './page-context';
import { Document } from './document';
import type { MessageKey } from '../../src/i18n/translate';
import { PresenceMenuSlot } from '../live/presence-menu';
import { UnreadBadge } from '../live/unread-badge';
import { NotificationCountSlot } from '../notifications/notification-count';

interface NavItem {
  href: string;
  label: MessageKey;
  roles?: readonly string[];
}

/** Roles whose pages hold a live event stream, a presence menu and the unread badge. */
const LIVE_ROLES: readonly string[] = ['admin', 'supervisor', 'agent'];

/**
 * The live stream lives on <main>, so boosted navigation replaces it with a fresh one. Background tabs keep their
 * stream (pauseOnBackground off): desktop notifications matter most when the inbox tab is not in front.
 */
const LIVE_MAIN = { 'hx-sse:connect': '/events', 'hx-config': 'sse.pauseOnBackground:false', 'data-live': '' };

const NAV: NavItem[] = [
  { href: '/conversations', label: 'nav.inbox', roles: ['admin', 'supervisor', 'agent'] },
  { href: '/notifications', label: 'nav.notifications', roles: ['admin', 'supervisor', 'agent'] },
  { href: '/reports', label: 'nav.reports', roles: ['admin', 'supervisor', 'analyst'] },
  { href: '/settings', label: 'nav.settings' },
];

/** Signed-in layout: top bar with navigation (collapses to a menu on phones), then the page. */
export function AppShell({ page, title, children }: { page: PageContext; title: string; children: Children }) {
  const items = NAV.filter((item) => !item.roles || (page.user && item.roles.includes(page.user.role)));
  const live = !!page.user && LIVE_ROLES.includes(page.user.role);
  const isCurrent = (href: string) => (href === '/' ? page.path === '/' : page.path.startsWith(href));
  return (
    <Document page={page} title={title}>
      <a class="skip-link" href="#main" safe>
        {page.t('nav.skipToContent')}
      </a>
      <header class="topbar">
        <a class="brand" href="/">
          <img src="/static/icon.svg" alt="" width="28" height="28" />
          <span safe>{page.businessName}</span>
        </a>
        <nav class="topnav" aria-label={page.t('nav.menu')}>
          <NavLinks page={page} items={items} isCurrent={isCurrent} />
        </nav>
        {live ? <PresenceMenuSlot /> : ''}
        <details class="nav-menu">
          <summary safe>{page.t('nav.menu')}</summary>
          <nav aria-label={page.t('nav.menu')}>
            <NavLinks page={page} items={items} isCurrent={isCurrent} />
          </nav>
        </details>
      </header>
      <main id="main" class="main" {...(live ? LIVE_MAIN : {})}>
        {children}
      </main>
    </Document>
  );
}

/** The links and the sign-out form; rendered in the wide top bar and again in the phone menu. */
function NavLinks({ page, items, isCurrent }: { page: PageContext; items: NavItem[]; isCurrent: (href: string) => boolean }) {
  return (
    <>
      <ul>
        {items.map((item) => (
          <li>
            <a href={item.href} aria-current={isCurrent(item.href) ? 'page' : undefined}>
              <span safe>{page.t(item.label)}</span>
              {item.href === '/conversations' ? <UnreadBadge page={page} count={null} /> : ''}
              {item.href === '/notifications' ? <NotificationCountSlot /> : ''}
            </a>
          </li>
        ))}
      </ul>
      <form method="post" action="/logout" class="signout" hx-boost="false">
        <input type="hidden" name="_csrf" value={page.csrfToken} />
        <span class="who" safe>
          {page.user?.name ?? ''}
        </span>
        <button type="submit" class="link-button" safe>
          {page.t('nav.signOut')}
        </button>
      </form>
    </>
  );
}

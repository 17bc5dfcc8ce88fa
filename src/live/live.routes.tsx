import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import { webContext } from '../accounts/web-context.plugin';
import { INBOX_USERS } from '../accounts/access-policy';
import { findUserById } from '../accounts/users.repository';
import type { Viewer } from '../accounts/sessions';
import { formText } from '../platform/http/form-errors';
import { isPartialRequest } from '../platform/http/htmx';
import { safeNextPath } from '../platform/http/safe-redirect';
import type { LiveEvent } from './live-events';
import { openLiveStream, type LiveDelivery } from './live-stream';
import { chooseStatus, findAgentPresence, recordHeartbeat, type PresenceChange } from './presence.repository';
import { parsePresenceChoice } from './presence-choice';
import { UnreadBadge } from '../../views/live/unread-badge';
import { PresenceMenu } from '../../views/live/presence-menu';

export interface LiveRoutesOptions {
  /**
   * THE single visibility call site for live events: what this viewer's tab is told about an event, or null. The
   * composition root supplies it from the conversations module (inbox-access.ts), which sits above live.
   */
  deliverTo?: (viewer: Viewer, event: LiveEvent) => LiveDelivery;
  /** The viewer's unread conversation count for the nav badge. */
  unreadCount?: (viewer: Viewer) => number;
}

/** The live event stream of each inbox tab, the unread badge, and presence (heartbeats and chosen status). */
export function liveRoutes(deps: AppDeps, options: LiveRoutesOptions = {}) {
  const deliverTo = options.deliverTo ?? ((_viewer: Viewer, event: LiveEvent): LiveDelivery => ({ ...event }));
  const publishPresence = (change: PresenceChange | undefined) => {
    if (change) deps.live?.publish({ type: 'presence.changed', userId: change.userId, status: change.status });
  };

  return new Elysia()
    .use(webContext(deps))
    .get(
      '/events',
      ({ request, server, viewer, page, set }) => {
        if (!deps.live) {
          set.status = 503;
          return '';
        }
        // Bun closes a connection idle for 10 s; this stream is quiet for long stretches (handbook §2.8).
        server?.timeout(request, 0);
        const me = viewer!;
        const user = findUserById(deps.db, me.user.id);
        const settings = { notifyDesktop: user?.notifyDesktop ?? false, notifySound: user?.notifySound ?? false };
        return openLiveStream(
          deps.live,
          request.signal,
          (event) => {
            const delivery = deliverTo(me, event);
            if (!delivery || !delivery.forMe) return delivery;
            return { ...delivery, title: page.t('live.notify.title'), ...settings };
          },
          (error) => deps.logger.debug('live stream write failed', { error }),
        );
      },
      { access: INBOX_USERS },
    )
    .get('/conversations/unread-count', ({ page, viewer }) => <UnreadBadge page={page} count={options.unreadCount ? options.unreadCount(viewer!) : null} />, {
      access: INBOX_USERS,
    })
    .post(
      '/presence/heartbeat',
      ({ body, viewer, set }) => {
        publishPresence(recordHeartbeat(deps.db, viewer!.user.id, { now: deps.clock.now(), active: formText(body, 'active') === '1' }));
        set.status = 204;
        return '';
      },
      { access: INBOX_USERS },
    )
    .get('/presence/menu', ({ page, viewer, request }) => <PresenceMenu page={page} view={{ ...findAgentPresence(deps.db, viewer!.user.id, deps.clock.now()), next: refererPath(request) }} />, {
      access: INBOX_USERS,
    })
    .post(
      '/presence',
      ({ body, viewer, page, set, request, redirect }) => {
        const choice = parsePresenceChoice(formText(body, 'status'));
        const next = safeNextPath(formText(body, 'next'), '/conversations');
        if (choice === undefined) {
          set.status = 422;
          return page.t('field.presence.invalid');
        }
        const now = deps.clock.now();
        publishPresence(chooseStatus(deps.db, viewer!.user.id, { now, status: choice }));
        if (!isPartialRequest(request.headers)) return redirect(next, 303);
        return <PresenceMenu page={page} view={{ ...findAgentPresence(deps.db, viewer!.user.id, now), next }} />;
      },
      { access: INBOX_USERS },
    );
}

/** The page the menu sits on, so a plain form post returns there. */
function refererPath(request: Request): string {
  const referer = request.headers.get('referer');
  if (!referer) return '/conversations';
  try {
    const url = new URL(referer);
    return safeNextPath(url.pathname + url.search, '/conversations');
  } catch {
    return '/conversations';
  }
}

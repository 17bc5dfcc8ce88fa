import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import { webContext } from '../accounts/web-context.plugin';
import { INBOX_USERS, MANAGERS } from '../accounts/access-policy';
import { viewerActor } from '../accounts/request-actor';
import type { Viewer } from '../accounts/sessions';
import { getInboxBehaviour } from '../settings/inbox-behaviour';
import { ensureCanActOnConversation } from './conversation-access';
import { acquireReplyLock } from './acquire-reply-lock';
import { renewReplyLock } from './renew-reply-lock';
import { releaseReplyLock } from './release-reply-lock';
import { takeOverReplyLock } from './take-over-reply-lock';
import { buildLockView } from './lock-view';
import { LockBanner, LOCK_BANNER_ID } from '../../views/conversations/lock-banner';

/**
 * The reply lock's own endpoints: renew while typing (htmx, throttled), release on leaving the page (a beacon
 * carrying `_csrf` in its form body) and take over (supervisors and admins). Acquiring happens on opening the page.
 */
export function lockRoutes(deps: AppDeps) {
  const lockMinutes = () => getInboxBehaviour(deps.db).lockMinutes;
  const requireConversation = (viewer: Viewer | undefined, id: string) => ensureCanActOnConversation(deps.db, viewer, id);

  return new Elysia()
    .use(webContext(deps))
    .post(
      '/conversations/:id/lock/renew',
      ({ page, params, viewer, set }) => {
        const conversation = requireConversation(viewer, params.id);
        const input = { conversationId: conversation.id, userId: viewer!.user.id, lockMinutes: lockMinutes() };
        // Typing in a conversation whose lock lapsed simply takes it again.
        const renewed = renewReplyLock(input, deps);
        const state = renewed.kind === 'free' ? acquireReplyLock(input, deps) : renewed;
        if (state.kind === 'mine') {
          set.status = 204;
          return '';
        }
        const lock = buildLockView(deps.db, conversation.id, viewer!.user, deps.clock.now());
        return (
          <hx-partial hx-target={`#${LOCK_BANNER_ID}`} hx-swap="outerHTML">
            <LockBanner page={page} lock={lock} />
          </hx-partial>
        );
      },
      { access: INBOX_USERS },
    )
    .post(
      '/conversations/:id/lock/release',
      ({ params, viewer, set }) => {
        const conversation = requireConversation(viewer, params.id);
        releaseReplyLock({ conversationId: conversation.id, userId: viewer!.user.id }, deps);
        set.status = 204;
        return '';
      },
      { access: INBOX_USERS },
    )
    .post(
      '/conversations/:id/lock/take-over',
      ({ params, viewer, clientIp, request, redirect }) => {
        const conversation = requireConversation(viewer, params.id);
        const user = viewer!.user;
        takeOverReplyLock({ conversationId: conversation.id, user: { id: user.id, name: user.name, role: user.role }, lockMinutes: lockMinutes(), actor: viewerActor(viewer!, clientIp, request) }, deps);
        return redirect(`/conversations/${conversation.id}`, 303);
      },
      { access: MANAGERS },
    );
}

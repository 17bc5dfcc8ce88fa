import { Elysia } from 'elysia';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { webContext } from '../accounts/web-context.plugin';
import { listAgentPresence, chooseStatus, findAgentPresence } from '../live/presence.repository';
import { PRESENCE_STATUSES } from '../live/live-events';
import { apiRoute, readJsonObject } from './api-route';
import { apiJson } from './api-responses';
import { createApiNotFoundError } from './api.errors';

const availabilityBody = z.object({ status: z.enum(PRESENCE_STATUSES as ['online', 'away', 'offline']) });

/**
 * /api/v1/agents/:id/availability: a workforce tool or a shift script sets an agent online, away or offline, as the
 * agent could from the top bar. Assignment reads the same presence.
 */
export function agentsApiRoutes(deps: AppDeps) {
  return new Elysia().use(webContext(deps)).put(
    '/api/v1/agents/:id/availability',
    apiRoute(deps, async ({ params, request }) => {
      const now = deps.clock.now();
      const agent = listAgentPresence(deps.db, now).find((a) => a.userId === params.id);
      if (!agent) throw createApiNotFoundError();
      const { status } = availabilityBody.parse(await readJsonObject(request));
      const change = chooseStatus(deps.db, agent.userId, { now, status });
      if (change) deps.live?.publish({ type: 'presence.changed', userId: change.userId, status: change.status });
      const presence = findAgentPresence(deps.db, agent.userId, now);
      return apiJson({ data: { id: agent.userId, status: presence.status, chosen_status: presence.chosenStatus } });
    }),
    { access: 'public', parse: 'none' },
  );
}

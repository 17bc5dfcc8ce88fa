import { Elysia } from 'elysia';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { webContext } from '../accounts/web-context.plugin';
import { listAgentPresence, chooseStatus, findAgentPresence } from '../live/presence.repository';
import { PRESENCE_STATUSES } from '../live/live-events';
import { runInTransaction } from '../platform/db/client';
import { appendEvent } from '../platform/events/event-store';
import { recordAudit } from '../audit/record-audit';
import { findAgentRouting, saveAgentRouting } from '../teams/team-policies.repository';
import { apiRoute, readJsonObject } from './api-route';
import { apiJson } from './api-responses';
import { createApiNotFoundError } from './api.errors';

const availabilityBody = z
  .object({
    status: z.enum(PRESENCE_STATUSES as ['online', 'away', 'offline']).optional(),
    /** Max concurrent open conversations; null = the team's default. */
    capacity: z.number().int().min(0).max(100).nullable().optional(),
  })
  .refine((body) => body.status !== undefined || body.capacity !== undefined, { message: 'Send a status, a capacity, or both.' });

/** Writes the agent's own capacity (keeping their skills and shift); the queues may move, so routing hears of it. */
function setAgentCapacity(deps: AppDeps, userId: string, capacity: number | null, tokenName: string): void {
  runInTransaction(deps.db, (tx) => {
    const before = findAgentRouting(tx, userId);
    if (before.capacity === capacity) return;
    const now = deps.clock.now();
    saveAgentRouting(tx, userId, { ...before, capacity }, now);
    recordAudit(tx, { newId: deps.newId, now }, { id: null, label: `api token ${tokenName}` }, { action: 'agent.routing_changed', targetType: 'user', targetId: userId, details: { capacity } });
    appendEvent(tx, { type: 'routing.capacity_changed', payload: { userId }, at: now });
  });
}

/**
 * /api/v1/agents/:id/availability: a workforce tool or a shift script sets an agent online, away or offline, as the
 * agent could from the top bar, and/or set their capacity. Assignment reads the same presence and capacity.
 */
export function agentsApiRoutes(deps: AppDeps) {
  return new Elysia().use(webContext(deps)).put(
    '/api/v1/agents/:id/availability',
    apiRoute(deps, async ({ params, request, token }) => {
      const now = deps.clock.now();
      const agent = listAgentPresence(deps.db, now).find((a) => a.userId === params.id);
      if (!agent) throw createApiNotFoundError();
      const { status, capacity } = availabilityBody.parse(await readJsonObject(request));
      if (capacity !== undefined) setAgentCapacity(deps, agent.userId, capacity, token.name);
      const change = status === undefined ? undefined : chooseStatus(deps.db, agent.userId, { now, status });
      if (change) deps.live?.publish({ type: 'presence.changed', userId: change.userId, status: change.status });
      const presence = findAgentPresence(deps.db, agent.userId, now);
      const routing = findAgentRouting(deps.db, agent.userId);
      return apiJson({ data: { id: agent.userId, status: presence.status, chosen_status: presence.chosenStatus, capacity: routing.capacity } });
    }),
    { access: 'public', parse: 'none' },
  );
}

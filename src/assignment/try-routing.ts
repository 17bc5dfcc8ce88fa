import { asc, eq } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import type { TimelineText } from '../i18n/timeline-text';
import { teams } from '../teams/teams.tables';
import { inboxes } from '../conversations/conversations.tables';
import { splitList } from './routing-rules.schemas';
import { routeConversation } from './routing-rules';
import { explainRoute } from './explain-decision';
import { loadActiveRules } from './load-routing-input';

/** The test box as typed: a message and the facts about an imagined customer. */
export interface RoutingTrial {
  message: string;
  inboxId: string;
  customer: 'new' | 'returning';
  vip: boolean;
  language: string;
  tags: string;
  menuOption: string;
}

export const EMPTY_TRIAL: RoutingTrial = { message: '', inboxId: '', customer: 'new', vip: false, language: '', tags: '', menuOption: '' };

/** Reads the posted test box; anything missing takes the empty trial's value. */
export function readTrial(body: unknown): RoutingTrial {
  const raw = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const text = (name: string) => {
    const value = Array.isArray(raw[name]) ? (raw[name] as unknown[])[0] : raw[name];
    return typeof value === 'string' ? value : '';
  };
  return {
    message: text('message').slice(0, 4096),
    inboxId: text('inbox_id'),
    customer: text('customer') === 'returning' ? 'returning' : 'new',
    vip: text('vip') === 'yes',
    language: text('language').trim().slice(0, 35),
    tags: text('tags').slice(0, 500),
    menuOption: text('menu_option').trim().slice(0, 100),
  };
}

/**
 * What routing would do with this message, said the way the page shows it: "would go to Billing by the rule
 * “Refunds”: …" or the inbox's default team. The same rules and matching as routeNewConversation; nothing is saved.
 */
export function tryRouting(db: Db, trial: RoutingTrial): TimelineText {
  const inbox = db.select({ id: inboxes.id, defaultTeamId: inboxes.defaultTeamId }).from(inboxes).where(eq(inboxes.id, trial.inboxId)).get()
    ?? db.select({ id: inboxes.id, defaultTeamId: inboxes.defaultTeamId }).from(inboxes).orderBy(asc(inboxes.createdAt), asc(inboxes.id)).get();
  const route = routeConversation({
    rules: loadActiveRules(db),
    message: trial.message,
    contact: { returning: trial.customer === 'returning', vip: trial.vip, language: trial.language || null, tags: splitList(trial.tags), attributes: {} },
    inboxId: inbox?.id ?? '',
    menuOption: trial.menuOption || null,
  });
  const teamName = (teamId: string | null | undefined) => (teamId ? db.select({ name: teams.name }).from(teams).where(eq(teams.id, teamId)).get()?.name : undefined);
  if (route) {
    const routed = explainRoute(route, teamName(route.teamId) ?? '');
    return { key: 'routing.test.matched', vars: routed.vars };
  }
  const fallback = teamName(inbox?.defaultTeamId);
  return fallback !== undefined ? { key: 'routing.test.defaultTeam', vars: { team: fallback } } : { key: 'routing.test.noTeam', vars: {} };
}

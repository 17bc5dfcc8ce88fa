import type { Db } from '../platform/db/client';
import type { NewId } from '../platform/ids';
import type { TimelineText } from '../i18n/timeline-text';
import { findConversation, findInbox } from '../conversations/conversations.repository';
import { applyRoutingResult } from '../conversations/apply-routing-result';
import { routeConversation, type RouteResult } from './routing-rules';
import { explainRoute } from './explain-decision';
import { firstCustomerText, loadActiveRules, loadRoutingContact, teamNames } from './load-routing-input';

/** Why it went to the inbox's default team, or stayed without one. */
export function explainDefaultTeam(name: string | undefined): TimelineText {
  return name !== undefined ? { key: 'routing.event.defaultTeam', vars: { team: name } } : { key: 'routing.event.noTeam', vars: {} };
}

/**
 * Routing for one new conversation, in the caller's transaction: the first matching rule (routing-rules.ts) picks
 * its team, priority, labels and skill, else the inbox's default team; it is stamped routed and queued with one
 * timeline line saying why. Already routed, with the bot, or gone: changes nothing and returns its current team.
 */
export function routeNewConversation(tx: Db, conversationId: string, now: number, deps: { newId: NewId }): { teamId: string | null } {
  const conversation = findConversation(tx, conversationId);
  if (!conversation) return { teamId: null };
  // While the menu bot talks, routing waits: the option the customer picks may decide the team.
  if (conversation.routedAt !== null || conversation.withBot) return { teamId: conversation.teamId };
  const names = teamNames(tx);
  const teamName = (teamId: string | null | undefined) => (teamId ? names.get(teamId) : undefined);
  const rules = loadActiveRules(tx, names);
  const route: RouteResult | undefined =
    rules.length === 0
      ? undefined
      : routeConversation({
          rules,
          message: firstCustomerText(tx, conversation.id),
          contact: loadRoutingContact(tx, conversation),
          inboxId: conversation.inboxId,
          menuOption: conversation.menuOption,
        });
  if (route) {
    const explanation = explainRoute(route, teamName(route.teamId) ?? '');
    const outcome = { conversationId, teamId: route.teamId, priority: route.priority, labelIds: route.labels, requiredSkill: route.requiredSkill, explanation };
    applyRoutingResult(tx, outcome, { newId: deps.newId, now });
    return { teamId: route.teamId };
  }
  // No rule: a team chosen before routing (the bot's sensitive topic, a person) stands; else the inbox's default.
  const inboxDefault = findInbox(tx, conversation.inboxId)?.defaultTeamId ?? null;
  const fallbackId = conversation.teamId ?? inboxDefault;
  const name = teamName(fallbackId);
  const teamId = name !== undefined ? fallbackId : null;
  const explanation: TimelineText = name !== undefined && fallbackId !== inboxDefault ? { key: 'routing.event.keptTeam', vars: { team: name } } : explainDefaultTeam(name);
  applyRoutingResult(tx, { conversationId, teamId, explanation }, { newId: deps.newId, now });
  return { teamId: teamId ?? conversation.teamId };
}

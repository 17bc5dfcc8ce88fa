import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import type { Clock } from '../platform/clock';
import type { NewId } from '../platform/ids';
import { isAppError } from '../platform/errors';
import { getBusinessSettings } from '../settings/business-settings';
import { findTeamPolicy } from '../teams/team-policies.repository';
import { listTeamMembers } from '../teams/teams.repository';
import { fillNoticeVariables, formatMinutes, type NoticeLanguage } from '../teams/team-notices';
import { contacts } from '../contacts/contacts.tables';
import { listAgentPresence } from '../live/presence.repository';
import { conversations } from '../conversations/conversations.tables';
import { mayQueueAutomaticMessage } from '../conversations/automatic-message-budget';
import { queueOutboundMessage } from '../conversations/queue-outbound-message';
import { estimateWaitMinutes, recentFirstResponseMinutes, typicalResponseMinutes } from './wait-estimate';

export type AssignmentNotice =
  | { conversationId: string; kind: 'assigned'; agentName: string }
  | { conversationId: string; kind: 'queued'; position: number; teamId: string | null };

export interface CustomerNoticeDeps {
  clock: Clock;
  newId: NewId;
}

/** Arabic-speaking customers (by their WhatsApp locale) read Arabic; everyone else the business's own language. */
export function noticeLanguageFor(contactLocale: string, businessDefault: NoticeLanguage): NoticeLanguage {
  return contactLocale.trim().toLowerCase().startsWith('ar') ? 'ar' : businessDefault;
}

/**
 * Queues the team's "now chatting with…" and "you're number…" notices for routing decisions, inside the caller's
 * transaction. A notice switched off, over the contact's automatic-message budget, or refused by queueing (window
 * closed, no recipient) is skipped silently. Returns true when anything was queued: the caller wakes 'outbox' after
 * commit (nothing here wakes, so a rolled-back batch sends nothing).
 */
export function queueAssignmentNotices(tx: Db, deps: CustomerNoticeDeps, notices: readonly AssignmentNotice[]): boolean {
  if (notices.length === 0) return false;
  const now = deps.clock.now();
  const business = getBusinessSettings(tx).defaultLocale;
  const responseMinutes = new Map<string, number[]>();
  const recentOf = (teamId: string) => {
    let minutes = responseMinutes.get(teamId);
    if (!minutes) responseMinutes.set(teamId, (minutes = recentFirstResponseMinutes(tx, teamId, now)));
    return minutes;
  };
  // A burst brings hundreds of notices for a handful of teams: read each team's facts once per batch.
  const noticesByTeam = new Map<string, ReturnType<typeof findTeamPolicy>['notices']>();
  const noticesOf = (teamId: string) => {
    let notices = noticesByTeam.get(teamId);
    if (!notices) noticesByTeam.set(teamId, (notices = findTeamPolicy(tx, teamId).notices));
    return notices;
  };
  let presence: Map<string, string> | undefined;
  const onlineByTeam = new Map<string, number>();
  const onlineIn = (teamId: string) => {
    let online = onlineByTeam.get(teamId);
    if (online === undefined) {
      presence ??= new Map(listAgentPresence(tx, now).map((agent) => [agent.userId, agent.status]));
      online = listTeamMembers(tx, teamId).filter((member) => presence!.get(member.id) === 'online').length;
      onlineByTeam.set(teamId, online);
    }
    return online;
  };

  let queued = false;
  for (const notice of notices) {
    const target = tx
      .select({ teamId: conversations.teamId, contactId: conversations.contactId, locale: contacts.locale })
      .from(conversations)
      .innerJoin(contacts, eq(contacts.id, conversations.contactId))
      .where(eq(conversations.id, notice.conversationId))
      .get();
    if (!target) continue;
    const teamId = notice.kind === 'queued' ? (notice.teamId ?? target.teamId) : target.teamId;
    if (!teamId) continue;
    const setting = noticesOf(teamId)[notice.kind];
    if (!setting.enabled) continue;
    const language = noticeLanguageFor(target.locale, business);
    const template = setting[language].trim();
    if (!template) continue;
    const text =
      notice.kind === 'assigned'
        ? fillNoticeVariables(template, { agent: notice.agentName, eta: formatMinutes(typicalResponseMinutes(recentOf(teamId)), language) })
        : fillNoticeVariables(template, {
            position: notice.position,
            eta: estimateWaitMinutes({ position: notice.position, recentResponseMinutes: recentOf(teamId), agentsOnline: onlineIn(teamId) }),
          });
    if (!mayQueueAutomaticMessage(tx, target.contactId, now)) continue;
    try {
      queueOutboundMessage({ conversationId: notice.conversationId, author: { type: 'automation', id: null }, content: { kind: 'text', text } }, { db: tx, clock: deps.clock, newId: deps.newId });
      queued = true;
    } catch (error) {
      // Window closed (409), no recipient, or the conversation vanished: a notice is a courtesy, never a failure.
      if (!isAppError(error)) throw error;
    }
  }
  return queued;
}

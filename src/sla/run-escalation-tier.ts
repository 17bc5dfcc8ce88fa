import type { Db } from '../platform/db/client';
import type { NewId } from '../platform/ids';
import type { TimelineText } from '../i18n/timeline-text';
import { assignToUserBySystem, moveToTeamBySystem, raisePriorityBySystem } from '../conversations/escalate-conversation';
import { notifyUsers } from '../conversations/notify-users';
import type { EscalationTier } from './sla.tables';
import { adminIds } from './sla-recipients';
import { recordSlaLine } from './sla-timeline';

/**
 * Runs one escalation step and writes it to the timeline (also when it could not be carried out, so nobody wonders
 * why nothing happened). Returns the users notified, for the live toast after the commit.
 */
export function runEscalationTier(tx: Db, conversationId: string, tier: EscalationTier, deps: { newId: NewId; now: number }): string[] {
  const line = (key: string, vars: TimelineText['vars'] = {}) => recordSlaLine(tx, conversationId, 'sla_escalation', { key: key as TimelineText['key'], vars }, deps);
  if (tier.action === 'raise_priority') {
    const raised = raisePriorityBySystem(tx, conversationId, deps.now);
    if (raised) line('sla.event.priorityRaised', { priority: { key: `list.priority.${raised.to}` as TimelineText['key'], vars: {} } });
    else line('sla.event.priorityAtTop');
    return [];
  }
  if (tier.action === 'reassign_team') {
    const moved = tier.teamId ? moveToTeamBySystem(tx, conversationId, tier.teamId, deps.now) : null;
    if (moved) line('sla.event.movedToTeam', { team: moved.teamName });
    else line('sla.event.teamMissing');
    return [];
  }
  if (tier.action === 'reassign_user') {
    const assigned = tier.userId ? assignToUserBySystem(tx, conversationId, tier.userId, deps.now) : null;
    if (!assigned) {
      line('sla.event.assignFailed');
      return [];
    }
    const messageId = line('sla.event.assignedTo', { name: assigned.name });
    return notifyUsers(tx, { userIds: [tier.userId!], kind: 'sla_escalation', conversationId, messageId }, deps);
  }
  const messageId = line('sla.event.adminsNotified');
  return notifyUsers(tx, { userIds: adminIds(tx), kind: 'sla_escalation', conversationId, messageId }, deps);
}

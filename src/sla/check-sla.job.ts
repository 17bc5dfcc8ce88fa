import type { Clock } from '../platform/clock';
import { runInTransaction, type Db } from '../platform/db/client';
import type { NewId } from '../platform/ids';
import type { LiveHub } from '../platform/live-hub';
import type { Logger } from '../platform/logger';
import type { Waker } from '../platform/wake';
import { notifyUsers } from '../conversations/notify-users';
import { publishNotificationCreated } from '../conversations/notifications.repository';
import { activeClocks, conversationsWithDueWork, findConversationSla, saveConversationSla, updateClock, type SlaClockRow } from './sla-clocks.repository';
import { refreshConversationDue, type PolicyInForce } from './sla-clock-ops';
import { policyInForce } from './policy-in-force';
import { usedBy } from './sla-deadlines';
import { teamSupervisorIds } from './sla-recipients';
import { recordSlaLine, targetText } from './sla-timeline';
import { runEscalationTier } from './run-escalation-tier';
import type { SlaConversation } from './sla-context';

export interface CheckSlaDeps {
  db: Db;
  clock: Clock;
  newId: NewId;
  logger?: Logger;
  live?: Pick<LiveHub, 'publish'>;
  wake?: Waker['wake'];
}

export interface CheckSlaResult {
  warned: number;
  breached: number;
  escalationSteps: number;
}

interface Outcome extends CheckSlaResult {
  notified: string[];
  inboxId: string;
}

const MINUTE = 60_000;

function warn(tx: Db, clock: SlaClockRow, c: SlaConversation, ctx: PolicyInForce, deps: { newId: NewId; now: number }): string[] {
  updateClock(tx, clock.id, { warnedAt: deps.now });
  const left = clock.targetMs - usedBy({ targetMs: clock.targetMs, usedMs: clock.usedMs, runningSince: clock.runningSince }, deps.now, ctx.calendar);
  const messageId = recordSlaLine(
    tx,
    c.id,
    'sla_warning',
    { key: 'sla.event.warning', vars: { target: targetText(clock.target), policy: ctx.policy.name, percent: ctx.policy.warningPercent, minutes: Math.max(1, Math.ceil(left / MINUTE)) } },
    deps,
  );
  return c.assigneeId ? notifyUsers(tx, { userIds: [c.assigneeId], kind: 'sla_warning', conversationId: c.id, messageId }, deps) : [];
}

function breach(tx: Db, clock: SlaClockRow, c: SlaConversation, ctx: PolicyInForce, deps: { newId: NewId; now: number }): string[] {
  // A late run skips the warning: the breach says more.
  updateClock(tx, clock.id, { breachedAt: clock.dueAt, warnedAt: clock.warnedAt ?? deps.now });
  const messageId = recordSlaLine(tx, c.id, 'sla_breach', { key: 'sla.event.breach', vars: { target: targetText(clock.target), policy: ctx.policy.name } }, deps);
  const userIds = [...(c.assigneeId ? [c.assigneeId] : []), ...teamSupervisorIds(tx, c.teamId)];
  return notifyUsers(tx, { userIds, kind: 'sla_breach', conversationId: c.id, messageId }, deps);
}

/**
 * The escalation episode: it starts at the first breach of a target still running and runs the policy's tiers in
 * order, each once its delay after that breach has passed; it ends when no breached target is still running.
 */
function escalate(tx: Db, c: SlaConversation, ctx: PolicyInForce, deps: { newId: NewId; now: number }): { steps: number; notified: string[] } {
  const state = findConversationSla(tx, c.id);
  if (!state) return { steps: 0, notified: [] };
  const breachedTimes = activeClocks(tx, c.id).flatMap((clock) => (clock.breachedAt !== null ? [clock.breachedAt] : []));
  if (breachedTimes.length === 0) {
    if (state.breachedAt !== null || state.escalationStep !== 0) saveConversationSla(tx, { ...state, breachedAt: null, escalationStep: 0, updatedAt: deps.now });
    return { steps: 0, notified: [] };
  }
  const anchor = state.breachedAt ?? Math.min(...breachedTimes);
  const tiers = ctx.policy.escalation;
  const notified: string[] = [];
  let step = state.escalationStep;
  while (step < tiers.length && deps.now >= anchor + tiers[step]!.delayMinutes * MINUTE) {
    notified.push(...runEscalationTier(tx, c.id, tiers[step]!, deps));
    step++;
  }
  if (step !== state.escalationStep || state.breachedAt !== anchor) saveConversationSla(tx, { ...state, breachedAt: anchor, escalationStep: step, updatedAt: deps.now });
  return { steps: step - state.escalationStep, notified };
}

function checkConversation(tx: Db, conversationId: string, deps: { newId: NewId; now: number }): Outcome | null {
  const subject = policyInForce(tx, conversationId, deps.now, false);
  if (!subject) return null;
  if (!subject.ctx) {
    // Its policy was deleted and no other applies: nothing is measured any more.
    for (const clock of activeClocks(tx, conversationId)) updateClock(tx, clock.id, { stoppedAt: deps.now, cancelled: true });
    const state = findConversationSla(tx, conversationId);
    if (state?.breachedAt != null) saveConversationSla(tx, { ...state, breachedAt: null, escalationStep: 0, updatedAt: deps.now });
    refreshConversationDue(tx, conversationId, deps.now);
    return null;
  }
  const { conversation: c, ctx } = subject;
  const outcome: Outcome = { warned: 0, breached: 0, escalationSteps: 0, notified: [], inboxId: c.inboxId };
  for (const clock of activeClocks(tx, conversationId)) {
    if (clock.breachedAt === null && clock.dueAt !== null && clock.dueAt <= deps.now) {
      outcome.notified.push(...breach(tx, clock, c, ctx, deps));
      outcome.breached++;
    } else if (clock.warnedAt === null && clock.breachedAt === null && clock.warnAt !== null && clock.warnAt <= deps.now) {
      outcome.notified.push(...warn(tx, clock, c, ctx, deps));
      outcome.warned++;
    }
  }
  const escalation = escalate(tx, c, ctx, deps);
  outcome.escalationSteps = escalation.steps;
  outcome.notified.push(...escalation.notified);
  refreshConversationDue(tx, conversationId, deps.now);
  return outcome;
}

/**
 * The SLA job (every minute; the scheduler keeps runs from overlapping): warns assignees, reports breaches to the
 * assignee and the team's supervisors, and runs escalation tiers. One transaction per conversation, so one bad
 * conversation does not hold up the rest; toasts and list refreshes go out after each commit.
 */
export function checkSla(deps: CheckSlaDeps): CheckSlaResult {
  const now = deps.clock.now();
  const total: CheckSlaResult = { warned: 0, breached: 0, escalationSteps: 0 };
  for (const conversationId of conversationsWithDueWork(deps.db, now)) {
    let outcome: Outcome | null;
    try {
      outcome = runInTransaction(deps.db, (tx) => checkConversation(tx, conversationId, { newId: deps.newId, now }));
    } catch (error) {
      deps.logger?.error('sla check failed', { conversationId, error });
      continue;
    }
    if (!outcome) continue;
    total.warned += outcome.warned;
    total.breached += outcome.breached;
    total.escalationSteps += outcome.escalationSteps;
    for (const userId of new Set(outcome.notified)) publishNotificationCreated(deps.live as never, userId);
    if (outcome.warned + outcome.breached + outcome.escalationSteps > 0) deps.live?.publish({ type: 'conversation.changed', conversationId, inboxId: outcome.inboxId });
    // Reassignments appended events: let assignment and the SLA handler see them now rather than on the next tick.
    if (outcome.escalationSteps > 0) deps.wake?.('events');
  }
  return total;
}

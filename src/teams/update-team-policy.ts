import { eq } from 'drizzle-orm';
import { ZodError } from 'zod';
import { runInTransaction, type Db } from '../platform/db/client';
import { recordAudit } from '../audit/record-audit';
import { appendEvent } from '../platform/events/event-store';
import { calendars } from '../business-hours/calendars/calendars.tables';
import type { TeamDeps, TeamEditor } from './teams.deps';
import { requireManageableTeam } from './team-access';
import { findTeamPolicy, saveTeamPolicy, type StoredTeamPolicy } from './team-policies.repository';
import { teamPolicySchema, type TeamPolicyForm } from './team-policy.schemas';

/** A form field's problem found after parsing (e.g. a calendar deleted meanwhile), shaped like the schema's own. */
export const fieldProblem = (field: string, messageKey: string) => new ZodError([{ code: 'custom', path: [field], message: messageKey, input: undefined }]);

export const calendarExists = (db: Db, id: string): boolean => db.select({ id: calendars.id }).from(calendars).where(eq(calendars.id, id)).get() !== undefined;

/**
 * Saves a team's assignment policy and notices. The queue may move (a bigger capacity, online-only switched off), so
 * it appends routing.capacity_changed; saving what is already stored changes nothing and appends nothing.
 */
export function updateTeamPolicy({ teamId, form }: { teamId: string; form: TeamPolicyForm }, editor: TeamEditor, deps: TeamDeps) {
  const valid = teamPolicySchema.parse(form);
  return runInTransaction(deps.db, (tx) => {
    requireManageableTeam(tx, teamId, editor);
    if (valid.calendarId !== null && !calendarExists(tx, valid.calendarId)) throw fieldProblem('calendarId', 'field.teamPolicy.calendarUnknown');
    const before = findTeamPolicy(tx, teamId);
    const policy: StoredTeamPolicy = {
      strategy: valid.strategy,
      onlyOnline: valid.onlyOnline,
      defaultCapacity: valid.defaultCapacity,
      sticky: { enabled: valid.stickyEnabled, days: valid.stickyDays },
      vipToOwner: valid.vipToOwner,
      calendarId: valid.calendarId,
      notices: {
        assigned: { enabled: valid.assignedEnabled, en: valid.assignedEn, ar: valid.assignedAr },
        queued: { enabled: valid.queuedEnabled, en: valid.queuedEn, ar: valid.queuedAr },
      },
    };
    if (JSON.stringify(before) === JSON.stringify(policy)) return { changed: false };
    const now = deps.clock.now();
    saveTeamPolicy(tx, teamId, policy, now);
    recordAudit(tx, { newId: deps.newId, now }, editor.actor, {
      action: 'team.policy_changed',
      targetType: 'team',
      targetId: teamId,
      details: { strategy: policy.strategy, onlyOnline: policy.onlyOnline, defaultCapacity: policy.defaultCapacity, sticky: policy.sticky, vipToOwner: policy.vipToOwner, calendarId: policy.calendarId, assignedNotice: policy.notices.assigned.enabled, queuedNotice: policy.notices.queued.enabled },
    });
    appendEvent(tx, { type: 'routing.capacity_changed', payload: { teamId }, at: now });
    return { changed: true };
  });
}

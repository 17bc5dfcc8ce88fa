import type { TeamPolicyForm } from './team-policy.schemas';
import type { StoredTeamPolicy } from './team-policies.repository';
import { fillNoticeVariables, formatMinutes, NOTICE_MAX_LENGTH, NOTICE_WARN_LENGTH, type NoticeKind, type NoticeLanguage } from './team-notices';

export const NOTICE_FIELDS = ['assignedEn', 'assignedAr', 'queuedEn', 'queuedAr'] as const;
export type NoticeField = (typeof NOTICE_FIELDS)[number];
export const isNoticeField = (value: string): value is NoticeField => (NOTICE_FIELDS as readonly string[]).includes(value);

/** What the editor shows under one notice text: its length against the limit and the filled-in bubble. */
export interface NoticePreview {
  field: NoticeField;
  /** The text with sample values in place of {agent}, {eta} and {position}. */
  text: string;
  count: number;
  max: number;
  warnAt: number;
  dir: 'ltr' | 'rtl';
}

const checked = (on: boolean) => (on ? 'on' : '');

/** The stored policy as the form's text values (checkboxes are 'on' or empty, like a browser sends them). */
export function policyToForm(policy: StoredTeamPolicy): TeamPolicyForm {
  return {
    strategy: policy.strategy,
    onlyOnline: checked(policy.onlyOnline),
    defaultCapacity: String(policy.defaultCapacity),
    stickyEnabled: checked(policy.sticky.enabled),
    stickyDays: String(policy.sticky.days),
    vipToOwner: checked(policy.vipToOwner),
    calendarId: policy.calendarId ?? '',
    assignedEnabled: checked(policy.notices.assigned.enabled),
    assignedEn: policy.notices.assigned.en,
    assignedAr: policy.notices.assigned.ar,
    queuedEnabled: checked(policy.notices.queued.enabled),
    queuedEn: policy.notices.queued.en,
    queuedAr: policy.notices.queued.ar,
  };
}

const SAMPLE = { assignedEtaMinutes: 5, queuedEtaMinutes: 12, position: 3 };

/** One notice text as the customer would read it, with sample values (the signed-in person plays the agent). */
export function noticePreview(field: NoticeField, text: string, agentName: string): NoticePreview {
  const kind: NoticeKind = field.startsWith('assigned') ? 'assigned' : 'queued';
  const language: NoticeLanguage = field.endsWith('Ar') ? 'ar' : 'en';
  const trimmed = text.trim();
  const filled =
    kind === 'assigned'
      ? fillNoticeVariables(trimmed, { agent: agentName, eta: formatMinutes(SAMPLE.assignedEtaMinutes, language) })
      : fillNoticeVariables(trimmed, { position: SAMPLE.position, eta: SAMPLE.queuedEtaMinutes });
  // The limit applies to what is stored (the template); variables can make the sent text a little longer.
  return { field, text: filled, count: trimmed.length, max: NOTICE_MAX_LENGTH, warnAt: NOTICE_WARN_LENGTH, dir: language === 'ar' ? 'rtl' : 'ltr' };
}

export const noticePreviews = (form: TeamPolicyForm, agentName: string): Record<NoticeField, NoticePreview> =>
  Object.fromEntries(NOTICE_FIELDS.map((field) => [field, noticePreview(field, form[field], agentName)])) as Record<NoticeField, NoticePreview>;

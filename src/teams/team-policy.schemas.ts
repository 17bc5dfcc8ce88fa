import { z } from 'zod';
import { ASSIGNMENT_STRATEGY_VALUES } from './team-policies.tables';
import { NOTICE_MAX_LENGTH, type NoticeKind } from './team-notices';

// Messages are i18n keys, translated where the form is shown. Field names match the form's inputs.
const checkbox = z.preprocess((v) => v === true || v === 'on' || v === '1' || v === 'true', z.boolean());
const wholeNumber = (min: number, max: number, key: string) =>
  z.preprocess((v) => (typeof v === 'string' ? (v.trim() === '' ? Number.NaN : Number(v.trim())) : v), z.number({ error: key }).int(key).min(min, key).max(max, key));
const noticeText = z.string().trim().max(NOTICE_MAX_LENGTH, 'field.teamPolicy.noticeTooLong');

/** The variables each notice may use: a customer who was just assigned has no queue position. */
export const NOTICE_VARIABLES_BY_KIND: Record<NoticeKind, readonly string[]> = { assigned: ['agent', 'eta'], queued: ['position', 'eta'] };

export const unknownNoticeVariables = (text: string, kind: NoticeKind): string[] =>
  [...text.matchAll(/\{(\w*)\}/g)].map((m) => m[1]!).filter((name) => !NOTICE_VARIABLES_BY_KIND[kind].includes(name));

export const teamPolicySchema = z
  .object({
    strategy: z.enum(ASSIGNMENT_STRATEGY_VALUES, { error: 'field.teamPolicy.strategy' }),
    onlyOnline: checkbox,
    defaultCapacity: wholeNumber(1, 100, 'field.teamPolicy.defaultCapacity'),
    stickyEnabled: checkbox,
    stickyDays: wholeNumber(1, 365, 'field.teamPolicy.stickyDays'),
    vipToOwner: checkbox,
    calendarId: z.string().trim().transform((v) => (v === '' ? null : v)),
    assignedEnabled: checkbox,
    assignedEn: noticeText,
    assignedAr: noticeText,
    queuedEnabled: checkbox,
    queuedEn: noticeText,
    queuedAr: noticeText,
  })
  .superRefine((value, ctx) => {
    for (const kind of ['assigned', 'queued'] as const) {
      for (const language of ['En', 'Ar'] as const) {
        const field = `${kind}${language}` as const;
        const text = value[field];
        // A notice that is on must have both languages: the customer's language decides which one goes.
        if (value[`${kind}Enabled`] && text === '') ctx.addIssue({ code: 'custom', path: [field], message: 'field.teamPolicy.noticeRequired' });
        else if (unknownNoticeVariables(text, kind).length > 0) ctx.addIssue({ code: 'custom', path: [field], message: `field.teamPolicy.noticeVariables.${kind}` });
      }
    }
  });

export type TeamPolicyForm = Record<keyof z.input<typeof teamPolicySchema>, string>;
export type TeamPolicyInput = z.output<typeof teamPolicySchema>;

/** Agent routing row on /settings/agents: capacity empty = the team's default; skills comma separated. */
export const agentRoutingSchema = z.object({
  capacity: z
    .string()
    .trim()
    .transform((v, ctx) => {
      if (v === '') return null;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 100) {
        ctx.addIssue({ code: 'custom', message: 'field.agentRouting.capacity' });
        return z.NEVER;
      }
      return n;
    }),
  skills: z
    .string()
    .max(500, 'field.agentRouting.skills')
    .transform((v) => [...new Set(v.split(/[,،]/).map((s) => s.trim().toLowerCase()).filter(Boolean))])
    .refine((tags) => tags.length <= 20 && tags.every((t) => t.length <= 40), 'field.agentRouting.skills'),
  shiftCalendarId: z.string().trim().transform((v) => (v === '' ? null : v)),
});
export type AgentRoutingForm = Record<keyof z.input<typeof agentRoutingSchema>, string>;
export type AgentRoutingInput = z.output<typeof agentRoutingSchema>;

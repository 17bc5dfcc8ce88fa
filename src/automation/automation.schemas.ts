import { z } from 'zod';
import { KEYWORD_MATCH_MODES } from './automation.tables';
import { MAX_BUTTON_CHARS, MAX_KEYWORDS, MAX_REPLY_BUTTONS, MAX_REPLY_VARIANTS, REPLY_TEXT_LIMIT } from './keyword-rule';
import { AUTOMATIC_LIMIT_MAX, AUTOMATIC_LIMIT_MIN } from '../settings/automatic-message-limit';
import type { AutoReplyConfig } from './auto-reply-config';
import type { KeywordRuleValues } from './keyword-rules.repository';

// Messages are i18n keys (src/i18n/locales/*/automation.ts). Length counts code points, as WhatsApp shows them.
const length = (text: string) => [...text].length;
const replyText = z.string().trim().refine((text) => length(text) <= REPLY_TEXT_LIMIT, 'automation.error.tooLong');
const checkbox = z.string().transform((value) => value === 'on' || value === 'true' || value === '1');
const wholeNumber = (min: number, max: number, message: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,4}$/, message)
    .transform(Number)
    .refine((n) => n >= min && n <= max, message);

/** The welcome / out-of-hours form of one inbox, as posted (all strings). */
export const autoRepliesFormSchema = z
  .object({
    welcomeEnabled: checkbox,
    welcomeEn: replyText,
    welcomeAr: replyText,
    welcomeAfterDays: wholeNumber(0, 365, 'automation.error.afterDays'),
    outOfHoursEnabled: checkbox,
    outOfHoursEn: replyText,
    outOfHoursAr: replyText,
    outOfHoursEveryHours: wholeNumber(1, 168, 'automation.error.everyHours'),
  })
  .superRefine((form, ctx) => {
    // A reply switched on needs something to say in at least one language.
    if (form.welcomeEnabled && !form.welcomeEn && !form.welcomeAr) ctx.addIssue({ code: 'custom', path: ['welcomeEn'], message: 'automation.error.textRequired' });
    if (form.outOfHoursEnabled && !form.outOfHoursEn && !form.outOfHoursAr) ctx.addIssue({ code: 'custom', path: ['outOfHoursEn'], message: 'automation.error.textRequired' });
  })
  .transform(
    (form): AutoReplyConfig => ({
      welcome: { enabled: form.welcomeEnabled, text: { en: form.welcomeEn, ar: form.welcomeAr }, afterDays: form.welcomeAfterDays },
      outOfHours: { enabled: form.outOfHoursEnabled, text: { en: form.outOfHoursEn, ar: form.outOfHoursAr }, everyHours: form.outOfHoursEveryHours },
    }),
  );

export const automaticLimitFormSchema = z.object({ perDay: wholeNumber(AUTOMATIC_LIMIT_MIN, AUTOMATIC_LIMIT_MAX, 'automation.error.limit') });

const buttonTitle = z.string().trim().refine((text) => length(text) <= MAX_BUTTON_CHARS, 'automation.error.buttonTooLong');

/** Keywords as typed: one per line or separated by commas (Arabic comma too). */
export const splitKeywords = (text: string): string[] =>
  [...new Set(text.split(/[\n,،]/).map((k) => k.trim()).filter(Boolean))];

const fieldShape = {
  name: z.string().trim().min(1, 'automation.error.nameRequired').max(80, 'automation.error.nameTooLong'),
  scope: z.enum(['inbox', 'all'], { error: 'automation.error.scope' }),
  enabled: checkbox,
  handOver: checkbox,
  matchMode: z.enum(KEYWORD_MATCH_MODES, { error: 'automation.error.matchMode' }),
  position: wholeNumber(0, 9999, 'automation.error.position'),
  keywords: z
    .string()
    .transform(splitKeywords)
    .refine((list) => list.length > 0, 'automation.error.keywordsRequired')
    .refine((list) => list.length <= MAX_KEYWORDS, 'automation.error.keywordsTooMany')
    .refine((list) => list.every((k) => length(k) <= 100), 'automation.error.keywordTooLong'),
  ...Object.fromEntries(Array.from({ length: MAX_REPLY_VARIANTS }, (_, i) => [[`reply${i + 1}En`, replyText], [`reply${i + 1}Ar`, replyText]]).flat()),
  ...Object.fromEntries(Array.from({ length: MAX_REPLY_BUTTONS }, (_, i) => [[`button${i + 1}En`, buttonTitle], [`button${i + 1}Ar`, buttonTitle]]).flat()),
} as Record<string, z.ZodType>;

/** The names of a keyword rule form's fields, for reading the posted body. */
export const KEYWORD_RULE_FIELDS = Object.keys(fieldShape);

/** A keyword rule form, as posted, into the values stored (inbox scope resolved by the caller). */
export const keywordRuleFormSchema = (inboxId: string) =>
  z
    .object(fieldShape)
    .superRefine((form, ctx) => {
      if (variants(form, 'reply', MAX_REPLY_VARIANTS).length === 0) ctx.addIssue({ code: 'custom', path: ['reply1En'], message: 'automation.error.replyRequired' });
    })
    .transform(
      (form): KeywordRuleValues => ({
        inboxId: form.scope === 'all' ? null : inboxId,
        position: form.position as number,
        name: form.name as string,
        enabled: form.enabled as boolean,
        keywords: form.keywords as string[],
        matchMode: form.matchMode as KeywordRuleValues['matchMode'],
        replies: variants(form, 'reply', MAX_REPLY_VARIANTS),
        buttons: variants(form, 'button', MAX_REPLY_BUTTONS),
        handOver: form.handOver as boolean,
      }),
    );

/** The filled-in pairs `<prefix>NEn`/`<prefix>NAr`, in order; a pair with both sides empty is dropped. */
function variants(form: Record<string, unknown>, prefix: string, count: number) {
  const pairs = [];
  for (let i = 1; i <= count; i++) {
    const en = String(form[`${prefix}${i}En`] ?? '');
    const ar = String(form[`${prefix}${i}Ar`] ?? '');
    if (en || ar) pairs.push({ en, ar });
  }
  return pairs;
}

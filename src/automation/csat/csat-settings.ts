import { z } from 'zod';
import type { Db } from '../../platform/db/client';
import type { AuditActor } from '../../audit/record-audit';
import { storedSettings } from '../../settings/stored-settings';
import type { Clock } from '../../platform/clock';
import type { NewId } from '../../platform/ids';

const KEY = 'csat';

const text = (max: number) => z.string().trim().max(max, 'csat.settings.text.tooLong');
const flag = z.preprocess((value) => value === true || value === 'on' || value === 'true' || value === '1', z.boolean());

/** The survey as the admin set it up; texts go to customers in their language (English or Arabic). */
export const csatSettingsSchema = z.object({
  enabled: flag,
  /** Three reply buttons (Good / OK / Bad → 5 / 3 / 1) or a list with 1–5. */
  format: z.enum(['buttons', 'list'], { error: 'csat.settings.format.invalid' }),
  questionEn: text(1024).min(1, 'csat.settings.question.required'),
  questionAr: text(1024).min(1, 'csat.settings.question.required'),
  askComment: flag,
  commentEn: text(1024),
  commentAr: text(1024),
  thanksEn: text(1024),
  thanksAr: text(1024),
  /** How long after the survey (and after the rating) the customer's answer still counts as one. */
  answerMinutes: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value),
    z.number({ error: 'csat.settings.answerMinutes.range' }).int('csat.settings.answerMinutes.range').min(5, 'csat.settings.answerMinutes.range').max(1440, 'csat.settings.answerMinutes.range'),
  ),
});
export type CsatSettings = z.infer<typeof csatSettingsSchema>;

export const DEFAULT_CSAT_SETTINGS: CsatSettings = {
  enabled: false,
  format: 'buttons',
  questionEn: 'How did we do? Please rate your conversation with us.',
  questionAr: 'كيف كانت تجربتك؟ يسعدنا تقييمك لمحادثتك معنا.',
  askComment: false,
  commentEn: 'Thank you! Anything you would like to tell us? Just reply with a short comment.',
  commentAr: 'شكرًا لك! هل تود إخبارنا بشيء؟ اكتب تعليقًا قصيرًا في ردك.',
  thanksEn: 'Thank you for your feedback!',
  thanksAr: 'شكرًا لك على تقييمك!',
  answerMinutes: 60,
};

const stored = storedSettings(KEY, csatSettingsSchema, DEFAULT_CSAT_SETTINGS, (valid) => ({ enabled: valid.enabled, format: valid.format }));

/** The survey settings; off with the default texts until an admin changes them. */
export const getCsatSettings = (db: Db): CsatSettings => stored.get(db);

/** Validates (throws ZodError on bad input, changing nothing), stores and audits the survey settings. */
export const saveCsatSettings = (input: unknown, actor: AuditActor, deps: { db: Db; clock: Clock; newId: NewId }): CsatSettings => stored.save(input, actor, deps);

import type { Db } from '../platform/db/client';
import { createTranslator } from '../i18n/translate';
import type { BusinessCalendar } from '../business-hours/calendar';
import { describeNextOpening, type OpeningTranslate } from '../business-hours/describe-opening';
import { nextClosingAfter } from '../business-hours/business-hours';
import { listInboxesWithAccess } from '../conversations/inbox-members.repository';
import { getAutoReplyConfig } from './auto-replies.repository';
import { getAutomaticMessageLimit } from '../settings/automatic-message-limit';
import { rulesForInbox } from './keyword-rules.repository';
import { withNextOpening, type AutoReplyConfig } from './auto-reply-config';
import type { KeywordRule } from './keyword-rule';
import { MAX_REPLY_BUTTONS, MAX_REPLY_VARIANTS } from './keyword-rule';
import type { ReplyLanguage } from './reply-language';

/** The welcome / out-of-hours form as strings (what was stored, or what was posted when it is shown again). */
export type AutoRepliesValues = Record<'welcomeEnabled' | 'welcomeEn' | 'welcomeAr' | 'welcomeAfterDays' | 'outOfHoursEnabled' | 'outOfHoursEn' | 'outOfHoursAr' | 'outOfHoursEveryHours', string>;

export const AUTO_REPLY_FIELDS: (keyof AutoRepliesValues)[] = ['welcomeEnabled', 'welcomeEn', 'welcomeAr', 'welcomeAfterDays', 'outOfHoursEnabled', 'outOfHoursEn', 'outOfHoursAr', 'outOfHoursEveryHours'];

export interface RuleSummary {
  id: string;
  name: string;
  allInboxes: boolean;
  enabled: boolean;
  keywords: string[];
  variants: number;
  handOver: boolean;
  position: number;
}

export interface AutomationPageData {
  inboxes: { id: string; name: string }[];
  inboxId: string;
  hasCalendar: boolean;
  /** The sentence an out-of-hours reply would add now, per language, for the live preview. */
  openingSample: Record<ReplyLanguage, string>;
  limit: string;
  replies: AutoRepliesValues;
  /** What the customer would read for each text field, as the bubble preview first shows it. */
  previews: Record<'welcomeEn' | 'welcomeAr' | 'outOfHoursEn' | 'outOfHoursAr', string>;
  rules: RuleSummary[];
}

export function autoRepliesValues(config: AutoReplyConfig): AutoRepliesValues {
  return {
    welcomeEnabled: config.welcome.enabled ? 'on' : '',
    welcomeEn: config.welcome.text.en,
    welcomeAr: config.welcome.text.ar,
    welcomeAfterDays: String(config.welcome.afterDays),
    outOfHoursEnabled: config.outOfHours.enabled ? 'on' : '',
    outOfHoursEn: config.outOfHours.text.en,
    outOfHoursAr: config.outOfHours.text.ar,
    outOfHoursEveryHours: String(config.outOfHours.everyHours),
  };
}

/**
 * What the out-of-hours reply would say about opening the next time it goes out (at the coming closing time, or now
 * when closed), per language; a sample sentence when there are no hours.
 */
export function openingSamples(calendar: BusinessCalendar | undefined, now: number): Record<ReplyLanguage, string> {
  const at = calendar ? (nextClosingAfter(calendar, now) ?? now) : now;
  const sample = (language: ReplyLanguage) => {
    const t = createTranslator(language);
    return calendar ? describeNextOpening(calendar, at, language, t as unknown as OpeningTranslate) : t('hours.opening.tomorrow', { time: '09:00' });
  };
  return { en: sample('en'), ar: sample('ar') };
}

/** The preview texts for the form values (posted or stored): out-of-hours ones with the next opening put in. */
export function replyPreviews(values: AutoRepliesValues, openingSample: Record<ReplyLanguage, string>): AutomationPageData['previews'] {
  return {
    welcomeEn: values.welcomeEn.trim(),
    welcomeAr: values.welcomeAr.trim(),
    outOfHoursEn: withNextOpening(values.outOfHoursEn.trim(), openingSample.en),
    outOfHoursAr: withNextOpening(values.outOfHoursAr.trim(), openingSample.ar),
  };
}

export function listInboxChoices(db: Db): { id: string; name: string }[] {
  return listInboxesWithAccess(db).map(({ id, name }) => ({ id, name }));
}

/** The page's data; `posted` replaces the stored reply texts when a refused form is shown again. */
export function loadAutomationPage(db: Db, inboxId: string, calendar: BusinessCalendar | undefined, now: number, posted?: AutoRepliesValues): AutomationPageData {
  const openingSample = openingSamples(calendar, now);
  const replies = posted ?? autoRepliesValues(getAutoReplyConfig(db, inboxId));
  return {
    inboxes: listInboxChoices(db),
    inboxId,
    hasCalendar: calendar !== undefined,
    openingSample,
    limit: String(getAutomaticMessageLimit(db)),
    replies,
    previews: replyPreviews(replies, openingSample),
    rules: rulesForInbox(db, inboxId).map((rule) => ({
      id: rule.id,
      name: rule.name,
      allInboxes: rule.inboxId === null,
      enabled: rule.enabled,
      keywords: rule.keywords,
      variants: rule.replies.length,
      handOver: rule.handOver,
      position: rule.position,
    })),
  };
}

/** A keyword rule's form as strings: stored values for editing, defaults for a new one. */
export function keywordRuleValues(rule: KeywordRule | undefined, nextPosition: number): Record<string, string> {
  const values: Record<string, string> = {
    name: rule?.name ?? '',
    scope: rule && rule.inboxId === null ? 'all' : 'inbox',
    enabled: !rule || rule.enabled ? 'on' : '',
    handOver: rule?.handOver ? 'on' : '',
    matchMode: rule?.matchMode ?? 'whole_word',
    position: String(rule?.position ?? nextPosition),
    keywords: (rule?.keywords ?? []).join('\n'),
  };
  for (let i = 0; i < MAX_REPLY_VARIANTS; i++) {
    values[`reply${i + 1}En`] = rule?.replies[i]?.en ?? '';
    values[`reply${i + 1}Ar`] = rule?.replies[i]?.ar ?? '';
  }
  for (let i = 0; i < MAX_REPLY_BUTTONS; i++) {
    values[`button${i + 1}En`] = rule?.buttons[i]?.en ?? '';
    values[`button${i + 1}Ar`] = rule?.buttons[i]?.ar ?? '';
  }
  return values;
}

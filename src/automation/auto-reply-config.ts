import type { BilingualText } from './reply-language';

/** One inbox's auto-replies (welcome and out of hours), as the decision reads them. */
export interface AutoReplyConfig {
  welcome: { enabled: boolean; text: BilingualText; afterDays: number };
  outOfHours: { enabled: boolean; text: BilingualText; everyHours: number };
}

export const DEFAULT_OUT_OF_HOURS_EVERY_HOURS = 12;

/** Catalogue keys stored as `automationRule` on the built-in replies (translated on the bubble per viewer). */
export const WELCOME_RULE = 'automation.rule.welcome';
export const OUT_OF_HOURS_RULE = 'automation.rule.outOfHours';

/** An inbox nobody configured: every auto-reply off. */
export const DEFAULT_AUTO_REPLY_CONFIG: AutoReplyConfig = {
  welcome: { enabled: false, text: { en: '', ar: '' }, afterDays: 0 },
  outOfHours: { enabled: false, text: { en: '', ar: '' }, everyHours: DEFAULT_OUT_OF_HOURS_EVERY_HOURS },
};

/** The placeholder an out-of-hours text may use for the computed next opening; without it the sentence is appended. */
export const OPENING_PLACEHOLDER = '{opening}';

/** The out-of-hours text with the next opening put in (or added on its own line). */
export function withNextOpening(text: string, opening: string): string {
  if (text.includes(OPENING_PLACEHOLDER)) return text.split(OPENING_PLACEHOLDER).join(opening);
  return text ? `${text}\n${opening}` : opening;
}

import type { OutboundContent } from '../../conversations/outbound-content';
import type { Translate } from '../../i18n/translate';
import type { CsatSettings } from './csat-settings';

export type SurveyLanguage = 'en' | 'ar';

/** Reply ids of survey buttons and list rows start with this, then `<surveyId>:<rating>`. */
export const SURVEY_REPLY_PREFIX = 'csat:';

/** The three buttons stand for these ratings on the 1–5 scale. */
const BUTTON_RATINGS = [
  { rating: 5, key: 'csat.reply.good' },
  { rating: 3, key: 'csat.reply.ok' },
  { rating: 1, key: 'csat.reply.bad' },
] as const;

const LIST_RATINGS = [5, 4, 3, 2, 1] as const;

export const surveyReplyId = (surveyId: string, rating: number) => `${SURVEY_REPLY_PREFIX}${surveyId}:${rating}`;

/** The customer's language: Arabic when their WhatsApp locale says so, English when it says so, else the business's. */
export function surveyLanguageFor(contactLocale: string, businessDefault: SurveyLanguage): SurveyLanguage {
  const locale = contactLocale.trim().toLowerCase();
  if (locale.startsWith('ar')) return 'ar';
  if (locale.startsWith('en')) return 'en';
  return businessDefault;
}

export function textFor(settings: CsatSettings, field: 'question' | 'comment' | 'thanks', language: SurveyLanguage): string {
  const en = settings[`${field}En`];
  const ar = settings[`${field}Ar`];
  return (language === 'ar' ? ar || en : en || ar).trim();
}

/** The survey message: reply buttons or a 1–5 list, in the customer's language (`t` is that language's translator). */
export function surveyContent(settings: CsatSettings, surveyId: string, language: SurveyLanguage, t: Translate): OutboundContent {
  const body = textFor(settings, 'question', language);
  if (settings.format === 'buttons') {
    return { kind: 'buttons', body, buttons: BUTTON_RATINGS.map(({ rating, key }) => ({ id: surveyReplyId(surveyId, rating), title: t(key) })) };
  }
  return {
    kind: 'list',
    body,
    button: t('csat.list.button'),
    sections: [{ title: t('csat.list.section'), rows: LIST_RATINGS.map((rating) => ({ id: surveyReplyId(surveyId, rating), title: t(`csat.list.row${rating}`) })) }],
  };
}

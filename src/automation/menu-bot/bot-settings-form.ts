import { formText } from '../../platform/http/form-errors';
import { MENU_LIMITS, type SensitiveTopic } from './menu-bot-config';
import type { BotSettingsInput } from './manage-menu-bot';
import { chars, splitWords, type Parsed } from './form-text';

/** Rows of sensitive topics the form offers (more than the three defaults, so admins can add two). */
export const TOPIC_ROWS = 5;

export interface BotFormValues {
  enabled: boolean;
  rootMenuId: string;
  escalationKeywords: string;
  frustrationWords: string;
  topics: { keywords: string; teamId: string; option: string }[];
}

export function readBotForm(body: unknown): BotFormValues {
  return {
    enabled: formText(body, 'enabled') === '1',
    rootMenuId: formText(body, 'rootMenuId'),
    escalationKeywords: formText(body, 'escalationKeywords'),
    frustrationWords: formText(body, 'frustrationWords'),
    topics: Array.from({ length: TOPIC_ROWS }, (_, i) => ({
      keywords: formText(body, `topic${i}_keywords`),
      teamId: formText(body, `topic${i}_team`),
      option: formText(body, `topic${i}_option`),
    })),
  };
}

export function parseBotForm(values: BotFormValues): Parsed<BotSettingsInput> {
  const errors: Record<string, string> = {};
  const escalationKeywords = splitWords(values.escalationKeywords);
  const frustrationWords = splitWords(values.frustrationWords);
  const tooMany = (words: string[]) => words.length > MENU_LIMITS.words || words.some((w) => chars(w) > MENU_LIMITS.value);
  if (tooMany(escalationKeywords)) errors.escalationKeywords = 'menuBot.error.wordsTooMany';
  if (tooMany(frustrationWords)) errors.frustrationWords = 'menuBot.error.wordsTooMany';
  const sensitiveTopics: SensitiveTopic[] = [];
  values.topics.forEach((topic, i) => {
    const keywords = splitWords(topic.keywords);
    const option = topic.option.trim();
    if (keywords.length === 0) return;
    if (tooMany(keywords) || chars(option) > MENU_LIMITS.value) errors[`topic${i}_keywords`] = 'menuBot.error.wordsTooMany';
    else if (!topic.teamId && !option) errors[`topic${i}_option`] = 'menuBot.error.routeRequired';
    else sensitiveTopics.push({ keywords, teamId: topic.teamId || null, option });
  });
  if (values.enabled && !values.rootMenuId) errors.rootMenuId = 'menuBot.error.rootRequired';
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, input: { enabled: values.enabled, rootMenuId: values.rootMenuId || null, escalationKeywords, frustrationWords, sensitiveTopics } };
}

export function botToForm(config: {
  enabled: boolean;
  rootMenuId: string | null;
  escalationKeywords: string[];
  frustrationWords: string[];
  sensitiveTopics: SensitiveTopic[];
}): BotFormValues {
  const topics = config.sensitiveTopics.map((t) => ({ keywords: t.keywords.join(', '), teamId: t.teamId ?? '', option: t.option }));
  while (topics.length < TOPIC_ROWS) topics.push({ keywords: '', teamId: '', option: '' });
  return {
    enabled: config.enabled,
    rootMenuId: config.rootMenuId ?? '',
    escalationKeywords: config.escalationKeywords.join(', '),
    frustrationWords: config.frustrationWords.join(', '),
    topics,
  };
}

import { matchesKeyword, normalizeTerm, prepareForMatching, type MatchableText } from '../../platform/text/arabic-normalize';
import type { MenuOption, SensitiveTopic } from './menu-bot-config';

export type Understood =
  | { kind: 'option'; option: MenuOption; menuId: string }
  | { kind: 'main_menu' }
  | { kind: 'escalate' }
  | { kind: 'sensitive'; topic: SensitiveTopic }
  | { kind: 'frustrated' }
  | { kind: 'answer'; text: string }
  | { kind: 'unrecognised' };

export interface ReplyToUnderstand {
  text: string;
  /** The id of the button or list row the customer tapped (interactive replies), if any. */
  choiceId?: string | null;
}

export interface UnderstandContext {
  menuId: string;
  options: readonly MenuOption[];
  /** Every menu of the bot by id: a tap on an older menu's button still picks that option. */
  menus: ReadonlyMap<string, readonly MenuOption[]>;
  escalationKeywords: readonly string[];
  frustrationWords: readonly string[];
  sensitiveTopics: readonly SensitiveTopic[];
  /** A question is waiting for its answer: free text is the answer, not an option. */
  awaitingAnswer: boolean;
}

const MAIN_MENU_WORDS = ['0', 'menu', 'main menu', 'القائمة', 'قائمة', 'القائمه الرئيسيه'];

/** Our button and list row ids: `menu:<menuId>:<optionId>`, so a reply names the option without reading its title. */
export const choiceIdFor = (menuId: string, optionId: string): string => `menu:${menuId}:${optionId}`;

/**
 * What the customer meant. Order matters: a tapped button or an option's number/title wins (an admin's "Billing"
 * option beats the billing topic); then asking for a person, sensitive topics and frustration, which are available
 * at every step, even while a question waits for its answer.
 */
export function understandReply(reply: ReplyToUnderstand, context: UnderstandContext): Understood {
  const tapped = reply.choiceId ? optionFromChoiceId(reply.choiceId, context.menus) : undefined;
  if (tapped) return { kind: 'option', ...tapped };

  const text = prepareForMatching(reply.text);
  if (!context.awaitingAnswer) {
    const picked = optionByNumber(text, context.options) ?? optionByTitle(text, context.options);
    if (picked) return { kind: 'option', option: picked, menuId: context.menuId };
    if (MAIN_MENU_WORDS.some((word) => matchesKeyword(text, word, 'exact', { stripArticle: true }))) return { kind: 'main_menu' };
  }
  if (context.escalationKeywords.some((keyword) => mentions(text, keyword))) return { kind: 'escalate' };
  const topic = context.sensitiveTopics.find((t) => t.keywords.some((keyword) => mentions(text, keyword)));
  if (topic) return { kind: 'sensitive', topic };
  if (isFrustrated(reply.text, text, context.frustrationWords)) return { kind: 'frustrated' };
  if (context.awaitingAnswer && text.normalized !== '') return { kind: 'answer', text: reply.text.trim() };
  return { kind: 'unrecognised' };
}

function optionFromChoiceId(choiceId: string, menus: ReadonlyMap<string, readonly MenuOption[]>): { option: MenuOption; menuId: string } | undefined {
  const match = /^menu:([^:]+):(.+)$/.exec(choiceId);
  if (!match) return undefined;
  const option = menus.get(match[1]!)?.find((o) => o.id === match[2]);
  return option ? { option, menuId: match[1]! } : undefined;
}

// "2", "٢", "2." or "(2)": one number and nothing else; normalisation already turned Arabic-Indic digits into ASCII.
function optionByNumber(text: MatchableText, options: readonly MenuOption[]): MenuOption | undefined {
  if (text.words.length !== 1 || !/^\d{1,2}$/.test(text.words[0]!)) return undefined;
  return options[Number(text.words[0]) - 1];
}

function optionByTitle(text: MatchableText, options: readonly MenuOption[]): MenuOption | undefined {
  if (text.words.length === 0) return undefined;
  return options.find((o) => [o.titleEn, o.titleAr].some((title) => title.trim() !== '' && matchesKeyword(text, title, 'exact', { stripArticle: true })));
}

/**
 * Shouting (at least 6 Latin letters, 70 % or more capitals), three or more exclamation marks in a row, or one of
 * the configured words. Arabic has no capitals, so Arabic customers are read by punctuation and words only.
 */
export function isFrustrated(raw: string, text: MatchableText, words: readonly string[]): boolean {
  const letters = raw.match(/[A-Za-z]/g) ?? [];
  if (letters.length >= 6 && letters.filter((c) => c >= 'A' && c <= 'Z').length / letters.length >= 0.7) return true;
  if (/[!！¡]{3,}/.test(raw)) return true;
  return words.some((word) => mentions(text, word));
}

/**
 * The keyword as whole words, with or without the Arabic article on either side: "الموظف" finds "موظف", and
 * "الالغاء" finds "الغاء", whose own leading ال is part of the word (stripping it from the keyword would not).
 */
export function mentions(text: MatchableText, keyword: string): boolean {
  if (matchesKeyword(text, keyword, 'whole_word', { stripArticle: true })) return true;
  const wanted = normalizeTerm(keyword).split(' ').filter(Boolean);
  if (wanted.length === 0) return false;
  for (let start = 0; start + wanted.length <= text.words.length; start++) {
    if (wanted.every((word, i) => text.words[start + i] === word || text.stems[start + i]!.includes(word))) return true;
  }
  return false;
}

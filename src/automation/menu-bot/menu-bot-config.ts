import { z } from 'zod';

/** WhatsApp's limits that decide how a menu can be shown: buttons up to 3 (titles ≤20), a list up to 10 rows (≤24). */
export const MENU_LIMITS = { options: 10, buttons: 3, buttonTitle: 20, rowTitle: 24, text: 1024, attributeKey: 40, value: 60, words: 40 } as const;

export type MenuAction =
  | { type: 'answer'; textEn: string; textAr: string; followUpMenuId: string | null }
  | { type: 'ask'; questionEn: string; questionAr: string; attributeKey: string; handOverAfter: boolean }
  | { type: 'route'; teamId: string | null; value: string };

export interface MenuOption {
  id: string;
  titleEn: string;
  titleAr: string;
  action: MenuAction;
}

export interface BotMenu {
  id: string;
  name: string;
  greetingEn: string;
  greetingAr: string;
  options: MenuOption[];
}

/** A topic the bot never handles itself: any keyword sends the conversation straight to its team / routing option. */
export interface SensitiveTopic {
  keywords: string[];
  teamId: string | null;
  option: string;
}

export interface BotConfig {
  inboxId: string;
  enabled: boolean;
  rootMenuId: string | null;
  escalationKeywords: string[];
  frustrationWords: string[];
  sensitiveTopics: SensitiveTopic[];
}

export const DEFAULT_ESCALATION_KEYWORDS = [
  'agent',
  'human',
  'representative',
  'real person',
  'operator',
  'موظف',
  'خدمة العملاء',
  'انسان',
  'شخص حقيقي',
  'ممثل',
];
export const DEFAULT_FRUSTRATION_WORDS = ['useless', 'ridiculous', 'terrible', 'worst', 'awful', 'سيء', 'مهزلة', 'تعبت', 'زهقت'];
export const DEFAULT_SENSITIVE_TOPICS: SensitiveTopic[] = [
  { keywords: ['refund', 'money back', 'استرجاع', 'استرداد', 'ارجاع المبلغ'], teamId: null, option: 'refund' },
  { keywords: ['cancel', 'cancellation', 'الغاء', 'إلغاء'], teamId: null, option: 'cancellation' },
  { keywords: ['billing', 'invoice', 'charged twice', 'فاتورة', 'خصم مرتين'], teamId: null, option: 'billing' },
];

const words = z.array(z.string()).catch([]);
const actionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('answer'), textEn: z.string(), textAr: z.string(), followUpMenuId: z.string().nullable().catch(null) }),
  z.object({ type: z.literal('ask'), questionEn: z.string(), questionAr: z.string(), attributeKey: z.string(), handOverAfter: z.boolean().catch(true) }),
  z.object({ type: z.literal('route'), teamId: z.string().nullable().catch(null), value: z.string() }),
]);
const optionSchema = z.object({ id: z.string(), titleEn: z.string(), titleAr: z.string(), action: actionSchema });
const topicSchema = z.object({ keywords: z.array(z.string()), teamId: z.string().nullable().catch(null), option: z.string() });

/** Stored JSON read back leniently: a damaged value becomes empty rather than stopping the bot for every customer. */
export function parseOptions(json: string): MenuOption[] {
  return z.array(optionSchema).catch([]).parse(safeJson(json));
}

export function parseWords(json: string): string[] {
  return words.parse(safeJson(json));
}

export function parseTopics(json: string): SensitiveTopic[] {
  return z.array(topicSchema).catch([]).parse(safeJson(json));
}

function safeJson(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}

/** The customer's language: their WhatsApp locale when it is Arabic, otherwise the business's default language. */
export function customerLanguage(contactLocale: string, businessDefault: 'en' | 'ar'): 'en' | 'ar' {
  const locale = contactLocale.trim().toLowerCase();
  if (locale.startsWith('ar')) return 'ar';
  if (locale.startsWith('en')) return 'en';
  return businessDefault;
}

/** Text in the customer's language, falling back to the other language when the admin left it empty. */
export function inLanguage(language: 'en' | 'ar', en: string, ar: string): string {
  return (language === 'ar' ? ar || en : en || ar).trim();
}

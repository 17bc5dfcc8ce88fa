export type ReplyLanguage = 'en' | 'ar';

export interface BilingualText {
  en: string;
  ar: string;
}

/** The customer's language for automatic replies: Arabic when their WhatsApp locale says so, else the business's default. */
export function replyLanguageFor(contactLocale: string, businessDefault: ReplyLanguage): ReplyLanguage {
  const locale = contactLocale.trim().toLowerCase();
  if (locale.startsWith('ar')) return 'ar';
  if (locale.startsWith('en')) return 'en';
  return businessDefault;
}

/** The text in that language, or the other language's when the admin left it empty. */
export function textIn(text: BilingualText, language: ReplyLanguage): string {
  const preferred = text[language].trim();
  return preferred || text[language === 'ar' ? 'en' : 'ar'].trim();
}

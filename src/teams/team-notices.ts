/**
 * The customer-facing notices a team sends when routing assigns or queues a conversation. Stored as JSON in
 * team_policies.notices; parts missing from the JSON fall back to the built-in texts, switched off.
 */
export const NOTICE_KINDS = ['assigned', 'queued'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const NOTICE_LANGUAGES = ['en', 'ar'] as const;
export type NoticeLanguage = (typeof NOTICE_LANGUAGES)[number];

export interface NoticeText {
  enabled: boolean;
  en: string;
  ar: string;
}
export type TeamNotices = Record<NoticeKind, NoticeText>;

/** WhatsApp takes far longer texts, but a notice is one glance; the editor warns from NOTICE_WARN_LENGTH. */
export const NOTICE_MAX_LENGTH = 256;
export const NOTICE_WARN_LENGTH = 150;
export const NOTICE_VARIABLES = ['agent', 'eta', 'position'] as const;

export const DEFAULT_NOTICES: TeamNotices = {
  assigned: {
    enabled: false,
    en: "You're now chatting with {agent}; we usually reply within {eta}.",
    ar: 'أنت الآن تتحدث مع {agent}، وعادةً نرد خلال {eta}.',
  },
  queued: {
    enabled: false,
    en: "We're busier than usual — you're number {position}, about {eta} minutes.",
    ar: 'لدينا ضغط أكبر من المعتاد — ترتيبك {position}، والانتظار نحو {eta} دقيقة.',
  },
};

function parsePart(raw: unknown, fallback: NoticeText): NoticeText {
  const part = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  return {
    enabled: part.enabled === true,
    en: typeof part.en === 'string' ? part.en : fallback.en,
    ar: typeof part.ar === 'string' ? part.ar : fallback.ar,
  };
}

/** Reads the stored JSON; anything unreadable counts as missing (built-in texts, switched off). */
export function parseNotices(json: string): TeamNotices {
  let raw: unknown = {};
  try {
    raw = JSON.parse(json);
  } catch {
    raw = {};
  }
  const stored = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  return { assigned: parsePart(stored.assigned, DEFAULT_NOTICES.assigned), queued: parsePart(stored.queued, DEFAULT_NOTICES.queued) };
}

/** Fills {agent}, {eta} and {position}; unknown or unfilled placeholders stay as written. */
export function fillNoticeVariables(text: string, vars: Partial<Record<(typeof NOTICE_VARIABLES)[number], string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = (vars as Record<string, string | number | undefined>)[name];
    return value === undefined ? whole : String(value);
  });
}

/** "12 minutes" / "12 دقيقة", with each language's own plural forms (Intl knows Arabic's dual and plurals). */
export function formatMinutes(minutes: number, language: NoticeLanguage): string {
  return new Intl.NumberFormat(language, { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(minutes);
}

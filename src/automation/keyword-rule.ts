import type { KeywordMatchMode } from '../platform/text/arabic-normalize';
import type { BilingualText } from './reply-language';

/** A keyword reply rule as automation uses it (JSON columns parsed). */
export interface KeywordRule {
  id: string;
  /** null = every inbox. */
  inboxId: string | null;
  position: number;
  name: string;
  enabled: boolean;
  keywords: string[];
  matchMode: KeywordMatchMode;
  /** 1–5 variants; one is picked at random per reply. */
  replies: BilingualText[];
  /** 0–3 reply buttons. */
  buttons: BilingualText[];
  handOver: boolean;
}

export const MAX_REPLY_VARIANTS = 5;
export const MAX_REPLY_BUTTONS = 3;
export const MAX_BUTTON_CHARS = 20;
export const MAX_KEYWORDS = 30;
/** Practice, not Meta's limit: a longer automatic message is not read. The editor warns past the soft limit. */
export const REPLY_TEXT_LIMIT = 256;
export const REPLY_TEXT_SOFT_LIMIT = 150;

import type { Translate, Locale } from '../../src/i18n/translate';
import type { Formatter } from '../../src/i18n/format';
import type { TimelineText } from '../../src/i18n/timeline-text';
import type { Role } from '../../src/accounts/accounts.tables';

/** The per-request chrome every page and fragment receives: who is looking, in which language, and the CSRF token. */
export interface PageContext {
  t: Translate;
  /** A stored TimelineText (assignment explanations, automation lines) in this viewer's language, as plain text. */
  explain: (text: TimelineText) => string;
  locale: Locale;
  dir: 'ltr' | 'rtl';
  format: Formatter;
  timeZone: string;
  businessName: string;
  csrfToken: string;
  /** Path of the current request, for navigation highlighting and `next=` links. */
  path: string;
  requestId: string;
  version: string;
  user: { id: string; name: string; email: string; role: Role } | null;
}

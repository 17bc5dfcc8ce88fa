import type { OutboundContent } from '../../conversations/outbound-content';
import type { Translate } from '../../i18n/translate';
import { inLanguage, MENU_LIMITS, type BotMenu } from './menu-bot-config';
import { choiceIdFor } from './understand-reply';

/** Cuts to `max` characters (code points, as Meta counts), ending with an ellipsis when something was cut. */
export function fitTitle(title: string, max: number): string {
  const chars = [...title.trim()];
  return chars.length <= max
    ? chars.join('')
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/**
 * A menu as WhatsApp shows it, in the customer's language: reply buttons when there are at most 3 options whose
 * titles fit a button, otherwise a list message (up to 10 rows) whose body also numbers the options, because
 * customers often type the number instead of opening the list.
 */
export function menuMessage(menu: BotMenu, language: 'en' | 'ar', t: Translate): OutboundContent {
  const greeting = inLanguage(language, menu.greetingEn, menu.greetingAr) || t('menuBot.customer.defaultGreeting');
  const options = menu.options
    .slice(0, MENU_LIMITS.options)
    .map((o) => ({ id: choiceIdFor(menu.id, o.id), title: inLanguage(language, o.titleEn, o.titleAr) }));
  if (options.length === 0) return { kind: 'text', text: greeting };
  const fitsButtons =
    options.length <= MENU_LIMITS.buttons &&
    options.every((o) => [...o.title].length <= MENU_LIMITS.buttonTitle) &&
    new Set(options.map((o) => o.title)).size === options.length;
  if (fitsButtons) {
    return { kind: 'buttons', body: fitTitle(greeting, MENU_LIMITS.text), buttons: options, footer: t('menuBot.customer.footer') };
  }
  const numbered = options.map((o, i) => `${i + 1}. ${o.title}`).join('\n');
  return {
    kind: 'list',
    body: fitTitle(`${greeting}\n\n${numbered}\n\n${t('menuBot.customer.footer')}`, MENU_LIMITS.text),
    button: t('menuBot.customer.listButton'),
    sections: [{ title: '', rows: options.map((o) => ({ id: o.id, title: fitTitle(o.title, MENU_LIMITS.rowTitle) })) }],
  };
}

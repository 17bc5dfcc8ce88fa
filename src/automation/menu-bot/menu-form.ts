import { formText } from '../../platform/http/form-errors';
import { MENU_LIMITS, type MenuAction, type MenuOption } from './menu-bot-config';
import type { MenuInput } from './manage-menu-bot';
import { chars, type Parsed } from './form-text';

export interface OptionFormValues {
  id: string;
  titleEn: string;
  titleAr: string;
  action: '' | MenuAction['type'];
  textEn: string;
  textAr: string;
  followUpMenuId: string;
  attributeKey: string;
  handOverAfter: boolean;
  teamId: string;
  value: string;
}

export interface MenuFormValues {
  name: string;
  greetingEn: string;
  greetingAr: string;
  options: OptionFormValues[];
}

const ACTIONS = ['answer', 'ask', 'route'] as const;
export function readMenuForm(body: unknown): MenuFormValues {
  return {
    name: formText(body, 'name'),
    greetingEn: formText(body, 'greetingEn'),
    greetingAr: formText(body, 'greetingAr'),
    options: Array.from({ length: MENU_LIMITS.options }, (_, i) => {
      const action = formText(body, `o${i}_action`);
      return {
        id: formText(body, `o${i}_id`),
        titleEn: formText(body, `o${i}_titleEn`),
        titleAr: formText(body, `o${i}_titleAr`),
        action: (ACTIONS as readonly string[]).includes(action) ? (action as MenuAction['type']) : '',
        textEn: formText(body, `o${i}_textEn`),
        textAr: formText(body, `o${i}_textAr`),
        followUpMenuId: formText(body, `o${i}_followUp`),
        attributeKey: formText(body, `o${i}_attributeKey`),
        handOverAfter: formText(body, `o${i}_handOverAfter`) === '1',
        teamId: formText(body, `o${i}_team`),
        value: formText(body, `o${i}_value`),
      };
    }),
  };
}

/** Rows whose action is "unused" are dropped; the rest must have a title and what their action needs. */
export function parseMenuForm(values: MenuFormValues, newOptionId: () => string): Parsed<MenuInput> {
  const errors: Record<string, string> = {};
  const name = values.name.trim();
  if (!name || chars(name) > MENU_LIMITS.value) errors.name = 'menuBot.error.nameRequired';
  const greetingEn = values.greetingEn.trim();
  const greetingAr = values.greetingAr.trim();
  if (chars(greetingEn) > MENU_LIMITS.text) errors.greetingEn = 'menuBot.error.textTooLong';
  if (chars(greetingAr) > MENU_LIMITS.text) errors.greetingAr = 'menuBot.error.textTooLong';
  const options: MenuOption[] = [];
  values.options.forEach((row, i) => {
    if (!row.action) return;
    const field = (name: string) => `o${i}_${name}`;
    const titleEn = row.titleEn.trim();
    const titleAr = row.titleAr.trim();
    if (!titleEn && !titleAr) errors[field('titleEn')] = 'menuBot.error.titleRequired';
    else if (chars(titleEn) > MENU_LIMITS.rowTitle || chars(titleAr) > MENU_LIMITS.rowTitle) errors[field('titleEn')] = 'menuBot.error.titleTooLong';
    const textEn = row.textEn.trim();
    const textAr = row.textAr.trim();
    if (row.action !== 'route' && !textEn && !textAr) errors[field('textEn')] = 'menuBot.error.textRequired';
    else if (chars(textEn) > MENU_LIMITS.text || chars(textAr) > MENU_LIMITS.text) errors[field('textEn')] = 'menuBot.error.textTooLong';
    const attributeKey = row.attributeKey.trim();
    if (row.action === 'ask' && (!attributeKey || chars(attributeKey) > MENU_LIMITS.attributeKey || attributeKey === '__proto__'))
      errors[field('attributeKey')] = 'menuBot.error.attributeKeyInvalid';
    const value = row.value.trim();
    if (row.action === 'route' && !row.teamId && !value) errors[field('value')] = 'menuBot.error.routeRequired';
    else if (chars(value) > MENU_LIMITS.value) errors[field('value')] = 'menuBot.error.routeRequired';
    const action: MenuAction =
      row.action === 'answer'
        ? { type: 'answer', textEn, textAr, followUpMenuId: row.followUpMenuId || null }
        : row.action === 'ask'
          ? { type: 'ask', questionEn: textEn, questionAr: textAr, attributeKey, handOverAfter: row.handOverAfter }
          : { type: 'route', teamId: row.teamId || null, value };
    options.push({ id: /^[\w-]{1,40}$/.test(row.id) ? row.id : newOptionId(), titleEn, titleAr, action });
  });
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, input: { name, greetingEn, greetingAr, options } };
}

/** A stored menu as the form shows it: its options first, then empty rows up to ten. */
export function menuToForm(menu: { name: string; greetingEn: string; greetingAr: string; options: MenuOption[] }): MenuFormValues {
  const rows: OptionFormValues[] = menu.options.map((o) => ({
    id: o.id,
    titleEn: o.titleEn,
    titleAr: o.titleAr,
    action: o.action.type,
    textEn: o.action.type === 'answer' ? o.action.textEn : o.action.type === 'ask' ? o.action.questionEn : '',
    textAr: o.action.type === 'answer' ? o.action.textAr : o.action.type === 'ask' ? o.action.questionAr : '',
    followUpMenuId: o.action.type === 'answer' ? (o.action.followUpMenuId ?? '') : '',
    attributeKey: o.action.type === 'ask' ? o.action.attributeKey : '',
    handOverAfter: o.action.type === 'ask' ? o.action.handOverAfter : true,
    teamId: o.action.type === 'route' ? (o.action.teamId ?? '') : '',
    value: o.action.type === 'route' ? o.action.value : '',
  }));
  while (rows.length < MENU_LIMITS.options) {
    rows.push({
      id: '',
      titleEn: '',
      titleAr: '',
      action: '',
      textEn: '',
      textAr: '',
      followUpMenuId: '',
      attributeKey: '',
      handOverAfter: true,
      teamId: '',
      value: '',
    });
  }
  return { name: menu.name, greetingEn: menu.greetingEn, greetingAr: menu.greetingAr, options: rows };
}

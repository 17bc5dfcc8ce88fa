import { matchesKeyword, normalizeForMatching, normalizeTerm, prepareForMatching, type KeywordMatchMode, type MatchableText } from '../platform/text/arabic-normalize';
import type { Priority } from './assignment-policy';
import { matchesContactCondition, type ContactCondition, type RoutingContact } from './routing-conditions';

export interface RoutingRule {
  id: string;
  name: string;
  enabled: boolean;
  /**
   * Every condition given must hold (within one, any listed value will do). An empty list counts as not given, and
   * a rule with no conditions matches every conversation: put it last as the catch-all.
   */
  when: {
    /** Matched against the customer's message, Arabic-normalised, with the definite article stripped. */
    keywords?: { anyOf: readonly string[]; mode: KeywordMatchMode };
    /** All of these must hold. */
    contact?: readonly ContactCondition[];
    inboxIds?: readonly string[];
    /** The option the customer picked in the menu bot. */
    menuOptions?: readonly string[];
  };
  then: { teamId: string; priority?: Priority; labels?: readonly string[]; requiredSkill?: string };
}

/** Why a rule matched: one entry per condition, naming the value that satisfied it. */
export type RoutingMatch =
  | { kind: 'keyword'; keyword: string }
  | { kind: 'contact'; condition: ContactCondition }
  | { kind: 'inbox'; inboxId: string }
  | { kind: 'menu_option'; option: string }
  | { kind: 'catch_all' };

export interface RouteResult {
  rule: RoutingRule;
  teamId: string;
  priority?: Priority;
  labels?: readonly string[];
  requiredSkill?: string;
  reason: RoutingMatch[];
}

export interface RouteInput {
  rules: readonly RoutingRule[];
  message: string;
  contact: RoutingContact;
  inboxId: string;
  menuOption?: string | null;
}

/** The first enabled rule, in order, whose conditions all hold; undefined when none does (use the inbox's default team). */
export function routeConversation({ rules, message, contact, inboxId, menuOption }: RouteInput): RouteResult | undefined {
  let text: MatchableText | undefined;
  const preparedMessage = () => (text ??= prepareForMatching(message));
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const reason = matchRule(rule, { message: preparedMessage, contact, inboxId, menuOption: menuOption ?? null });
    if (reason) return { rule, ...rule.then, reason };
  }
  return undefined;
}

interface RuleInput {
  message: () => MatchableText;
  contact: RoutingContact;
  inboxId: string;
  menuOption: string | null;
}

function matchRule({ when }: RoutingRule, input: RuleInput): RoutingMatch[] | undefined {
  const reason: RoutingMatch[] = [];
  if (when.inboxIds?.length) {
    if (!when.inboxIds.includes(input.inboxId)) return undefined;
    reason.push({ kind: 'inbox', inboxId: input.inboxId });
  }
  if (when.menuOptions?.length) {
    const picked = input.menuOption === null ? '' : normalizeForMatching(input.menuOption);
    const option = picked === '' ? undefined : when.menuOptions.find((candidate) => normalizeTerm(candidate) === picked);
    if (option === undefined) return undefined;
    reason.push({ kind: 'menu_option', option });
  }
  for (const condition of when.contact ?? []) {
    if (!matchesContactCondition(input.contact, condition)) return undefined;
    reason.push({ kind: 'contact', condition });
  }
  if (when.keywords?.anyOf.length) {
    const { anyOf, mode } = when.keywords;
    const keyword = anyOf.find((candidate) => matchesKeyword(input.message(), candidate, mode, { stripArticle: true }));
    if (keyword === undefined) return undefined;
    reason.push({ kind: 'keyword', keyword });
  }
  return reason.length > 0 ? reason : [{ kind: 'catch_all' }];
}

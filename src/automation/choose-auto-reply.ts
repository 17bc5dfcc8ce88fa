import { matchesKeyword, prepareForMatching } from '../platform/text/arabic-normalize';
import type { KeywordRule } from './keyword-rule';
import type { AutoReplyConfig } from './auto-reply-config';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** An agent who wrote this recently is talking to the customer: automation keeps quiet (peers' OOO loops, ticketz #273). */
export const AGENT_QUIET_MS = 5 * MINUTE_MS;

/** What is known about one customer message when automation decides, read from the database by the handler. */
export interface AutoReplyFacts {
  /** This message opened the conversation. */
  newConversation: boolean;
  /** The contact had no earlier conversation in this inbox. */
  firstContact: boolean;
  /** Days since the contact's previous conversation in this inbox last moved; null when there was none. */
  daysSinceLastConversation: number | null;
  /** The inbox's calendar says open (no calendar = always open). */
  open: boolean;
  lastOutOfHoursAt: number | null;
  /** Last message from an agent (or the owner's phone app) in this conversation. */
  lastAgentReplyAt: number | null;
  /** The menu bot is talking. */
  withBot: boolean;
  /** A person has taken the conversation (assigned by a person, or an agent already replied). */
  humanAssigned: boolean;
  automaticSentLast24h: number;
  limit: number;
  text: string;
  /** Rules that apply to this inbox, in the order they are tried. */
  rules: readonly KeywordRule[];
}

export type PlannedReply = { type: 'welcome' } | { type: 'out_of_hours' } | { type: 'keyword'; rule: KeywordRule };

export type SkipReason = 'off' | 'bot' | 'human' | 'agent_recent' | 'not_new' | 'returning_too_soon' | 'open' | 'throttled' | 'no_match' | 'limit';

export interface AutoReplyDecision {
  /** In sending order, already cut to what the 24-hour limit allows. */
  replies: PlannedReply[];
  /** Why each kind did not go out (for logs and tests). */
  skipped: Partial<Record<PlannedReply['type'], SkipReason>>;
  /** The keyword rule that matched, even when the limit cut its reply (its hand-off still happens). */
  matchedRule?: KeywordRule;
}

/**
 * Which automatic replies answer one customer message, or why none. Welcome (new conversation of a first-time or
 * long-silent contact), keyword reply (first matching enabled rule), out of hours (closed, once per N hours) — in
 * that order, cut at the 24-hour limit. Nothing while the bot talks or right after an agent wrote; once a person
 * has the conversation only the out-of-hours reply may still go out.
 */
export function chooseAutoReply(facts: AutoReplyFacts, config: AutoReplyConfig, now: number): AutoReplyDecision {
  const skipped: AutoReplyDecision['skipped'] = {};
  const wanted: PlannedReply[] = [];
  const quiet: SkipReason | undefined = facts.withBot ? 'bot' : facts.lastAgentReplyAt !== null && now - facts.lastAgentReplyAt < AGENT_QUIET_MS ? 'agent_recent' : undefined;

  const welcome = welcomeSkip(facts, config, quiet);
  if (welcome) skipped.welcome = welcome;
  else wanted.push({ type: 'welcome' });

  const rule = quiet || facts.humanAssigned ? undefined : firstMatchingRule(facts.text, facts.rules);
  if (quiet || facts.humanAssigned) skipped.keyword = quiet ?? 'human';
  else if (!rule) skipped.keyword = facts.rules.some((r) => r.enabled) ? 'no_match' : 'off';
  else wanted.push({ type: 'keyword', rule });

  const outOfHours = outOfHoursSkip(facts, config, quiet, now);
  if (outOfHours) skipped.out_of_hours = outOfHours;
  else wanted.push({ type: 'out_of_hours' });

  const room = Math.max(0, facts.limit - facts.automaticSentLast24h);
  for (const cut of wanted.slice(room)) skipped[cut.type] = 'limit';
  return { replies: wanted.slice(0, room), skipped, ...(rule ? { matchedRule: rule } : {}) };
}

function welcomeSkip(facts: AutoReplyFacts, config: AutoReplyConfig, quiet: SkipReason | undefined): SkipReason | undefined {
  if (!config.welcome.enabled) return 'off';
  if (quiet) return quiet;
  if (facts.humanAssigned) return 'human';
  if (!facts.newConversation) return 'not_new';
  if (facts.firstContact) return undefined;
  const afterDays = config.welcome.afterDays;
  if (afterDays > 0 && facts.daysSinceLastConversation !== null && facts.daysSinceLastConversation >= afterDays) return undefined;
  return 'returning_too_soon';
}

function outOfHoursSkip(facts: AutoReplyFacts, config: AutoReplyConfig, quiet: SkipReason | undefined, now: number): SkipReason | undefined {
  if (!config.outOfHours.enabled) return 'off';
  if (quiet) return quiet;
  if (facts.open) return 'open';
  if (facts.lastOutOfHoursAt !== null && now - facts.lastOutOfHoursAt < config.outOfHours.everyHours * HOUR_MS) return 'throttled';
  return undefined;
}

/** The first enabled rule, in order, with a keyword the text matches (Arabic-normalised). */
export function firstMatchingRule(text: string, rules: readonly KeywordRule[]): KeywordRule | undefined {
  if (!text.trim()) return undefined;
  const prepared = prepareForMatching(text);
  return rules.find((rule) => rule.enabled && rule.replies.length > 0 && rule.keywords.some((keyword) => matchesKeyword(prepared, keyword, rule.matchMode, { stripArticle: true })));
}

/** Whole days between two instants, rounded down. */
export const daysBetween = (earlier: number, later: number): number => Math.floor((later - earlier) / DAY_MS);

import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { prepared } from '../../platform/db/prepared';
import { inboxes, messages } from '../../conversations/conversations.tables';
import { teams } from '../../teams/teams.tables';
import { botSessions, menuBotMenus, menuBots } from './menu-bot.tables';
import { parseOptions, parseTopics, parseWords, type BotConfig, type BotMenu } from './menu-bot-config';

export interface LoadedBot {
  config: BotConfig;
  menus: Map<string, BotMenu>;
}

// The reads below run for every customer message (the bot is asked first), so they are prepared once per connection.

export function findBotConfig(db: Db, inboxId: string): BotConfig | undefined {
  const row = prepared(db, 'menuBot.config', (d) => d.select().from(menuBots).where(eq(menuBots.inboxId, sql.placeholder('inboxId'))).prepare()).get({ inboxId });
  if (!row) return undefined;
  return {
    inboxId: row.inboxId,
    enabled: row.enabled,
    rootMenuId: row.rootMenuId,
    escalationKeywords: parseWords(row.escalationKeywords),
    frustrationWords: parseWords(row.frustrationWords),
    sensitiveTopics: parseTopics(row.sensitiveTopics),
  };
}

export function listMenus(db: Db, inboxId: string): BotMenu[] {
  return prepared(db, 'menuBot.menus', (d) =>
    d.select().from(menuBotMenus).where(eq(menuBotMenus.inboxId, sql.placeholder('inboxId'))).orderBy(asc(menuBotMenus.createdAt), asc(menuBotMenus.id)).prepare(),
  )
    .all({ inboxId })
    .map((row) => ({ id: row.id, name: row.name, greetingEn: row.greetingEn, greetingAr: row.greetingAr, options: parseOptions(row.options) }));
}

/** The inbox's bot with its menus, only when it is switched on and has a main menu. */
export function loadEnabledBot(db: Db, inboxId: string): LoadedBot | undefined {
  const config = findBotConfig(db, inboxId);
  if (!config?.enabled || !config.rootMenuId) return undefined;
  const menus = new Map(listMenus(db, inboxId).map((m) => [m.id, m]));
  return menus.has(config.rootMenuId) ? { config, menus } : undefined;
}

export interface TranscriptLine {
  from: 'customer' | 'bot';
  text: string;
  at: number;
}

export interface BotSession {
  conversationId: string;
  state: 'active' | 'handed_over';
  menuId: string | null;
  awaiting: { optionId: string; attributeKey: string; handOverAfter: boolean } | null;
  unrecognisedInRow: number;
  answers: Record<string, string>;
  transcript: TranscriptLine[];
}

export function findBotSession(db: Db, conversationId: string): BotSession | undefined {
  const row = prepared(db, 'menuBot.session', (d) =>
    d.select().from(botSessions).where(eq(botSessions.conversationId, sql.placeholder('conversationId'))).prepare(),
  ).get({ conversationId });
  if (!row) return undefined;
  return {
    conversationId: row.conversationId,
    state: row.state,
    menuId: row.menuId,
    awaiting: row.awaiting ? (JSON.parse(row.awaiting) as BotSession['awaiting']) : null,
    unrecognisedInRow: row.unrecognisedInRow,
    answers: JSON.parse(row.answers) as Record<string, string>,
    transcript: JSON.parse(row.transcript) as TranscriptLine[],
  };
}

/** The id of the conversation's first customer message (stored first; ids break ties). */
export function firstCustomerMessageId(db: Db, conversationId: string): string | undefined {
  return prepared(db, 'menuBot.firstCustomerMessage', (d) =>
    d
      .select({ id: messages.id })
      .from(messages)
      .where(and(eq(messages.conversationId, sql.placeholder('conversationId')), eq(messages.direction, 'in'), eq(messages.authorType, 'contact')))
      .orderBy(asc(messages.createdAt), asc(messages.id))
      .limit(1)
      .prepare(),
  ).get({ conversationId })?.id;
}

/** Whether an agent wrote to the customer in the conversation (internal notes do not count). */
export function hasAgentReply(db: Db, conversationId: string): boolean {
  return (
    prepared(db, 'menuBot.agentReply', (d) =>
      d
        .select({ id: messages.id })
        .from(messages)
        .where(and(eq(messages.conversationId, sql.placeholder('conversationId')), eq(messages.authorType, 'agent'), ne(messages.kind, 'note')))
        .limit(1)
        .prepare(),
    ).get({ conversationId }) !== undefined
  );
}

export function saveBotSession(tx: Db, session: BotSession, now: number): void {
  const values = {
    state: session.state,
    menuId: session.menuId,
    awaiting: session.awaiting ? JSON.stringify(session.awaiting) : null,
    unrecognisedInRow: session.unrecognisedInRow,
    answers: JSON.stringify(session.answers),
    transcript: JSON.stringify(session.transcript),
    updatedAt: now,
  };
  tx.insert(botSessions)
    .values({ conversationId: session.conversationId, ...values, createdAt: now })
    .onConflictDoUpdate({ target: botSessions.conversationId, set: values })
    .run();
}

/** The settings page's pickers: every inbox and every team, by name. */
export function listInboxChoices(db: Db): { id: string; name: string }[] {
  return db.select({ id: inboxes.id, name: inboxes.name }).from(inboxes).orderBy(asc(inboxes.name), asc(inboxes.id)).all();
}

export function listTeamChoices(db: Db): { id: string; name: string }[] {
  return db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name), asc(teams.id)).all();
}

import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { inboxes } from '../../conversations/conversations.tables';
import { teams } from '../../teams/teams.tables';
import { botSessions, menuBotMenus, menuBots } from './menu-bot.tables';
import { parseOptions, parseTopics, parseWords, type BotConfig, type BotMenu } from './menu-bot-config';

export interface LoadedBot {
  config: BotConfig;
  menus: Map<string, BotMenu>;
}

export function findBotConfig(db: Db, inboxId: string): BotConfig | undefined {
  const row = db.select().from(menuBots).where(eq(menuBots.inboxId, inboxId)).get();
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
  return db
    .select()
    .from(menuBotMenus)
    .where(eq(menuBotMenus.inboxId, inboxId))
    .orderBy(asc(menuBotMenus.createdAt), asc(menuBotMenus.id))
    .all()
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
  const row = db.select().from(botSessions).where(eq(botSessions.conversationId, conversationId)).get();
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

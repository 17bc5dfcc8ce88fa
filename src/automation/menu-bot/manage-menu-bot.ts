import { and, eq } from 'drizzle-orm';
import { runInTransaction, type Db } from '../../platform/db/client';
import type { Clock } from '../../platform/clock';
import type { NewId } from '../../platform/ids';
import { recordAudit, type AuditActor } from '../../audit/record-audit';
import { menuBotMenus, menuBots } from './menu-bot.tables';
import { DEFAULT_ESCALATION_KEYWORDS, DEFAULT_FRUSTRATION_WORDS, DEFAULT_SENSITIVE_TOPICS, type MenuOption, type SensitiveTopic } from './menu-bot-config';
import { findBotConfig, listMenus } from './menu-bot.repository';

export interface ManageDeps {
  db: Db;
  clock: Clock;
  newId: NewId;
}

export interface BotSettingsInput {
  enabled: boolean;
  rootMenuId: string | null;
  escalationKeywords: string[];
  frustrationWords: string[];
  sensitiveTopics: SensitiveTopic[];
}

export interface MenuInput {
  name: string;
  greetingEn: string;
  greetingAr: string;
  options: MenuOption[];
}

/**
 * The inbox's bot row and a first "Main menu", created switched off with the default word lists the first time
 * an admin opens the page, so there is always something to edit.
 */
export function ensureMenuBot(inboxId: string, deps: ManageDeps): void {
  runInTransaction(deps.db, (tx) => {
    if (findBotConfig(tx, inboxId)) return;
    const now = deps.clock.now();
    const menuId = deps.newId('bmn');
    tx.insert(menuBotMenus)
      .values({ id: menuId, inboxId, name: 'Main menu', greetingEn: '', greetingAr: '', options: '[]', createdAt: now, updatedAt: now })
      .run();
    tx.insert(menuBots)
      .values({
        inboxId,
        enabled: false,
        rootMenuId: menuId,
        escalationKeywords: JSON.stringify(DEFAULT_ESCALATION_KEYWORDS),
        frustrationWords: JSON.stringify(DEFAULT_FRUSTRATION_WORDS),
        sensitiveTopics: JSON.stringify(DEFAULT_SENSITIVE_TOPICS),
        updatedAt: now,
      })
      .run();
  });
}

export function saveBotSettings(inboxId: string, input: BotSettingsInput, actor: AuditActor, deps: ManageDeps): void {
  ensureMenuBot(inboxId, deps);
  const now = deps.clock.now();
  runInTransaction(deps.db, (tx) => {
    const rootMenuId = input.rootMenuId && listMenus(tx, inboxId).some((m) => m.id === input.rootMenuId) ? input.rootMenuId : null;
    tx.update(menuBots)
      .set({
        enabled: input.enabled,
        rootMenuId,
        escalationKeywords: JSON.stringify(input.escalationKeywords),
        frustrationWords: JSON.stringify(input.frustrationWords),
        sensitiveTopics: JSON.stringify(input.sensitiveTopics),
        updatedAt: now,
      })
      .where(eq(menuBots.inboxId, inboxId))
      .run();
    recordAudit(tx, { newId: deps.newId, now }, actor, {
      action: 'menu_bot.saved',
      targetType: 'inbox',
      targetId: inboxId,
      details: { enabled: input.enabled },
    });
  });
}

export function createMenu(inboxId: string, name: string, actor: AuditActor, deps: ManageDeps): string {
  ensureMenuBot(inboxId, deps);
  const now = deps.clock.now();
  const id = deps.newId('bmn');
  runInTransaction(deps.db, (tx) => {
    tx.insert(menuBotMenus).values({ id, inboxId, name, createdAt: now, updatedAt: now }).run();
    recordAudit(tx, { newId: deps.newId, now }, actor, { action: 'menu_bot.menu_created', targetType: 'bot_menu', targetId: id, details: { inboxId } });
  });
  return id;
}

/** Replaces a menu's greeting and options. Follow-up menus must belong to the same inbox; others are dropped. */
export function saveMenu(inboxId: string, menuId: string, input: MenuInput, actor: AuditActor, deps: ManageDeps): boolean {
  const now = deps.clock.now();
  return runInTransaction(deps.db, (tx) => {
    const menus = new Set(listMenus(tx, inboxId).map((m) => m.id));
    if (!menus.has(menuId)) return false;
    const options = input.options.map((o) =>
      o.action.type === 'answer' && o.action.followUpMenuId && !menus.has(o.action.followUpMenuId)
        ? { ...o, action: { ...o.action, followUpMenuId: null } }
        : o,
    );
    tx.update(menuBotMenus)
      .set({ name: input.name, greetingEn: input.greetingEn, greetingAr: input.greetingAr, options: JSON.stringify(options), updatedAt: now })
      .where(and(eq(menuBotMenus.id, menuId), eq(menuBotMenus.inboxId, inboxId)))
      .run();
    recordAudit(tx, { newId: deps.newId, now }, actor, {
      action: 'menu_bot.menu_saved',
      targetType: 'bot_menu',
      targetId: menuId,
      details: { inboxId, options: options.length },
    });
    return true;
  });
}

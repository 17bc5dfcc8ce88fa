import { eq } from 'drizzle-orm';
import type { TestApp } from '../../support/test-app';
import { systemActor } from '../../../src/audit/record-audit';
import { createMenu, ensureMenuBot, saveBotSettings, saveMenu } from '../../../src/automation/menu-bot/manage-menu-bot';
import { findBotConfig } from '../../../src/automation/menu-bot/menu-bot.repository';
import {
  DEFAULT_ESCALATION_KEYWORDS,
  DEFAULT_FRUSTRATION_WORDS,
  DEFAULT_SENSITIVE_TOPICS,
  type MenuOption,
  type SensitiveTopic,
} from '../../../src/automation/menu-bot/menu-bot-config';
import { messages, outboundMessages } from '../../../src/conversations/conversations.tables';

export const HOURS: MenuOption = {
  id: 'hours',
  titleEn: 'Opening hours',
  titleAr: 'ساعات العمل',
  action: { type: 'answer', textEn: 'We are open 9 to 5.', textAr: 'نعمل من 9 إلى 5.', followUpMenuId: null },
};
export const ORDER: MenuOption = {
  id: 'order',
  titleEn: 'Track my order',
  titleAr: 'تتبع طلبي',
  action: { type: 'ask', questionEn: 'What is your order number?', questionAr: 'ما رقم طلبك؟', attributeKey: 'order_number', handOverAfter: true },
};
export const SALES: MenuOption = { id: 'sales', titleEn: 'Talk to sales', titleAr: 'المبيعات', action: { type: 'route', teamId: null, value: 'sales' } };

/** An inbox's bot switched on with one main menu of the given options. */
export function seedMenuBot(
  t: TestApp,
  inboxId: string,
  options: MenuOption[] = [HOURS, ORDER, SALES],
  extra: { topics?: SensitiveTopic[]; greetingEn?: string } = {},
) {
  ensureMenuBot(inboxId, t.deps);
  const rootMenuId = findBotConfig(t.deps.db, inboxId)!.rootMenuId!;
  saveMenu(
    inboxId,
    rootMenuId,
    { name: 'Main menu', greetingEn: extra.greetingEn ?? 'Welcome to Sales!', greetingAr: 'أهلاً بك في المبيعات!', options },
    systemActor,
    t.deps,
  );
  saveBotSettings(
    inboxId,
    {
      enabled: true,
      rootMenuId,
      escalationKeywords: DEFAULT_ESCALATION_KEYWORDS,
      frustrationWords: DEFAULT_FRUSTRATION_WORDS,
      sensitiveTopics: extra.topics ?? DEFAULT_SENSITIVE_TOPICS,
    },
    systemActor,
    t.deps,
  );
  return { rootMenuId, addMenu: (name: string) => createMenu(inboxId, name, systemActor, t.deps) };
}

/** What the bot queued to the customer, oldest first: the message rows and their outbox rows. */
export function botMessages(t: TestApp, conversationId: string) {
  return t.deps.db
    .select({ id: messages.id, kind: messages.kind, body: messages.body, content: messages.content, outbox: outboundMessages.payload })
    .from(messages)
    .innerJoin(outboundMessages, eq(outboundMessages.messageId, messages.id))
    .where(eq(messages.conversationId, conversationId))
    .orderBy(messages.createdAt, messages.id)
    .all()
    .map((row) => ({
      ...row,
      content: JSON.parse(row.content) as Record<string, unknown>,
      outbox: JSON.parse(row.outbox) as { content: Record<string, unknown> },
    }));
}

export function timelineEvents(t: TestApp, conversationId: string) {
  return t.deps.db
    .select({ content: messages.content })
    .from(messages)
    .where(eq(messages.conversationId, conversationId))
    .all()
    .map((row) => JSON.parse(row.content) as { event?: string; explanation?: unknown })
    .filter((c) => typeof c.event === 'string');
}

import { and, eq } from 'drizzle-orm';
import type { TestApp } from '../support/test-app';
import { systemActor } from '../../src/audit/record-audit';
import { calendars } from '../../src/business-hours/calendars/calendars.tables';
import type { BusinessCalendar } from '../../src/business-hours/calendar';
import { inboxes, messages, outboundMessages } from '../../src/conversations/conversations.tables';
import { saveAutoReplies, saveAutomaticLimit } from '../../src/automation/save-auto-replies';
import { createKeywordRule } from '../../src/automation/save-keyword-rule';
import { DEFAULT_AUTO_REPLY_CONFIG, type AutoReplyConfig } from '../../src/automation/auto-reply-config';
import type { KeywordRuleValues } from '../../src/automation/keyword-rules.repository';

/** Builders for automation tests: auto-reply settings, keyword rules and opening hours written through the real code. */
export function configureAutoReplies(t: TestApp, inboxId: string, config: { welcome?: Partial<AutoReplyConfig['welcome']>; outOfHours?: Partial<AutoReplyConfig['outOfHours']> }) {
  const base = DEFAULT_AUTO_REPLY_CONFIG;
  saveAutoReplies(
    inboxId,
    { welcome: { ...base.welcome, ...config.welcome }, outOfHours: { ...base.outOfHours, ...config.outOfHours } },
    systemActor,
    t.deps,
  );
}

export const WELCOME = { enabled: true, text: { en: 'Welcome to Sweet Shop!', ar: 'أهلًا بك في متجر الحلوى!' } };
export const OUT_OF_HOURS = { enabled: true, text: { en: 'Thanks for writing. We are closed right now.', ar: 'شكرًا لرسالتك. نحن مغلقون الآن.' } };

export function addKeywordRule(t: TestApp, values: Partial<KeywordRuleValues> = {}): string {
  return createKeywordRule(
    {
      inboxId: null,
      position: 1,
      name: 'Prices',
      enabled: true,
      keywords: ['price', 'سعر'],
      matchMode: 'whole_word',
      replies: [{ en: 'Cakes start at 10 SAR.', ar: 'الكعك يبدأ من 10 ريال.' }],
      buttons: [],
      handOver: false,
      ...values,
    },
    systemActor,
    t.deps,
  );
}

export const setAutomaticLimit = (t: TestApp, perDay: number) => saveAutomaticLimit(perDay, systemActor, t.deps);

/** Gives the inbox opening hours (stored like the calendars page stores them). */
export function setInboxCalendar(t: TestApp, inboxId: string, calendar: BusinessCalendar) {
  const id = t.deps.newId('cal');
  const now = t.clock.now();
  t.deps.db.insert(calendars).values({ id, name: `Hours ${id}`, definition: JSON.stringify(calendar), createdAt: now, updatedAt: now }).run();
  t.deps.db.update(inboxes).set({ calendarId: id }).where(eq(inboxes.id, inboxId)).run();
}

/** Automatic messages of a conversation, oldest first, with the rule stored on each. */
export function automaticMessages(t: TestApp, conversationId: string) {
  return t.deps.db
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.authorType, 'automation')))
    .orderBy(messages.id)
    .all()
    .map((m) => ({ ...m, rule: (JSON.parse(m.content) as { automationRule?: string }).automationRule }));
}

export const outboxRowFor = (t: TestApp, messageId: string) => t.deps.db.select().from(outboundMessages).where(eq(outboundMessages.messageId, messageId)).get();

import { eq } from 'drizzle-orm';
import { runInTransaction, type Db } from '../../platform/db/client';
import type { Clock } from '../../platform/clock';
import type { NewId } from '../../platform/ids';
import type { LiveHub } from '../../platform/live-hub';
import type { WakeName } from '../../platform/wake';
import { isAppError } from '../../platform/errors';
import type { TimelineText } from '../../i18n/timeline-text';
import { getBusinessSettings } from '../../settings/business-settings';
import { contacts } from '../../contacts/contacts.tables';
import { findConversation } from '../../conversations/conversations.repository';
import { findConversationsWaitingOnCustomer, type WaitingConversation } from '../../conversations/waiting-on-customer';
import { changeConversationStatus } from '../../conversations/change-conversation-status';
import { mayQueueAutomaticMessage } from '../../conversations/automatic-message-budget';
import { queueOutboundMessage } from '../../conversations/queue-outbound-message';
import { publishChanged } from '../../conversations/conversation-change';
import { replyLanguageFor, textIn } from '../reply-language';
import { getAutoResolveSettings, type AutoResolveSettings } from './auto-resolve-settings';

const HOUR_MS = 3_600_000;
/** Enough for a busy minute; the rest wait for the next run. */
const BATCH = 200;
/** Shown on the closing message's bubble (a catalogue key, translated per viewer). */
export const AUTO_RESOLVE_RULE = 'autoResolve.rule';

export interface AutoResolveDeps {
  db: Db;
  clock: Clock;
  newId: NewId;
  wake?: (name: WakeName) => void;
  live?: Pick<LiveHub, 'publish'>;
}

/**
 * The auto-resolve job (every minute): pending conversations the customer has left unanswered for the configured
 * hours are resolved by Rasil, with a timeline line naming the rule, and the optional closing message queued in the
 * customer's language when the automatic-message budget and the 24-hour window allow (otherwise skipped silently).
 */
export function autoResolveConversations(deps: AutoResolveDeps): { resolved: string[]; closingMessages: number } {
  const config = getAutoResolveSettings(deps.db);
  if (!config.enabled) return { resolved: [], closingMessages: 0 };
  const now = deps.clock.now();
  const due = findConversationsWaitingOnCustomer(deps.db, { cutoff: now - config.hours * HOUR_MS, limit: BATCH });
  const businessLanguage = getBusinessSettings(deps.db).defaultLocale;
  const resolved: WaitingConversation[] = [];
  let closingMessages = 0;
  for (const conversation of due) {
    const outcome = runInTransaction(deps.db, (tx) => resolveOne(tx, conversation, config, businessLanguage, { ...deps, now }));
    if (!outcome.resolved) continue;
    resolved.push(conversation);
    if (outcome.queued) closingMessages++;
  }
  if (closingMessages) deps.wake?.('outbox');
  publishChanged(deps, resolved);
  return { resolved: resolved.map((c) => c.id), closingMessages };
}

function resolveOne(tx: Db, conversation: WaitingConversation, config: AutoResolveSettings, businessLanguage: 'en' | 'ar', deps: AutoResolveDeps & { now: number }) {
  // Found before this transaction: someone may have reopened it meanwhile.
  if (findConversation(tx, conversation.id)?.status !== 'pending') return { resolved: false, queued: false };
  const queued = queueClosingMessage(tx, conversation, config, businessLanguage, deps);
  const explanation: TimelineText = { key: 'autoResolve.event.resolved', vars: { hours: config.hours } };
  changeConversationStatus({ conversationId: conversation.id, status: 'resolved', actor: { id: null, name: 'Auto-resolve' }, explanation }, { db: tx, clock: deps.clock, newId: deps.newId });
  return { resolved: true, queued };
}

function queueClosingMessage(tx: Db, conversation: WaitingConversation, config: AutoResolveSettings, businessLanguage: 'en' | 'ar', deps: AutoResolveDeps & { now: number }): boolean {
  const locale = tx.select({ locale: contacts.locale }).from(contacts).where(eq(contacts.id, conversation.contactId)).get()?.locale ?? '';
  const text = textIn({ en: config.messageEn, ar: config.messageAr }, replyLanguageFor(locale, businessLanguage));
  if (!text || !mayQueueAutomaticMessage(tx, conversation.contactId, deps.now)) return false;
  try {
    queueOutboundMessage(
      { conversationId: conversation.id, author: { type: 'automation', id: null }, content: { kind: 'text', text }, automationRule: AUTO_RESOLVE_RULE },
      { db: tx, clock: deps.clock, newId: deps.newId },
    );
    return true;
  } catch (error) {
    // Outside the 24-hour window (or no number to write to): resolve without the message.
    if (isAppError(error)) return false;
    throw error;
  }
}

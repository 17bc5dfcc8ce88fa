import { and, asc, eq, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { prepared } from '../platform/db/prepared';
import { teams } from '../teams/teams.tables';
import { contacts } from '../contacts/contacts.tables';
import { conversations, messages } from '../conversations/conversations.tables';
import type { Conversation } from '../conversations/conversations.repository';
import type { RoutingContact } from './routing-conditions';
import { listRoutingRules } from './routing-rules.repository';
import type { RoutingRule } from './routing-rules';

// Routing runs for every new conversation, bursts included: its reads are prepared once (platform/db/prepared.ts).

function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The contact row as routing sees it; unreadable tags or attributes count as none. */
export function routingContactOf(contact: { vip: boolean; locale: string; tags: string; attributes: string } | undefined, returning: boolean): RoutingContact {
  const tags = jsonOf(contact?.tags ?? '[]');
  const attributes = jsonOf(contact?.attributes ?? '{}');
  const plain: Record<string, string | number | boolean | null> = {};
  if (attributes && typeof attributes === 'object' && !Array.isArray(attributes)) {
    for (const [key, value] of Object.entries(attributes)) if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) plain[key] = value as string | number | boolean | null;
  }
  return {
    returning,
    vip: contact?.vip ?? false,
    language: contact?.locale ? contact.locale : null,
    tags: Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string') : [],
    attributes: plain,
  };
}

/** Every team's name by id: rules and the inbox default name teams, and a deleted one has no entry. */
export function teamNames(db: Db): Map<string, string> {
  const rows = prepared(db, 'routing.teamNames', (d) => d.select({ id: teams.id, name: teams.name }).from(teams).prepare()).all();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Enabled rules in order, without those whose team has been deleted since (they could route nowhere). */
export function loadActiveRules(db: Db, names: ReadonlyMap<string, string> = teamNames(db)): RoutingRule[] {
  return listRoutingRules(db).filter((rule) => rule.enabled && names.has(rule.then.teamId));
}

/** Returning = the contact had a conversation before this one, in any inbox. */
export function hasEarlierConversation(db: Db, conversation: Pick<Conversation, 'id' | 'contactId' | 'createdAt'>): boolean {
  const statement = prepared(db, 'routing.earlierConversation', (d) => {
    const createdAt = sql.placeholder('createdAt');
    const id = sql.placeholder('id');
    const earlier = or(lt(conversations.createdAt, createdAt), and(eq(conversations.createdAt, createdAt), lt(conversations.id, id)));
    return d
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(eq(conversations.contactId, sql.placeholder('contactId')), ne(conversations.id, id), earlier))
      .limit(1)
      .prepare();
  });
  return !!statement.get({ contactId: conversation.contactId, createdAt: conversation.createdAt, id: conversation.id });
}

/** The text of the customer's first message here (a caption or a button's title counts); '' when there is none. */
export function firstCustomerText(db: Db, conversationId: string): string {
  const statement = prepared(db, 'routing.firstCustomerText', (d) =>
    d
      .select({ body: messages.body })
      .from(messages)
      .where(and(eq(messages.conversationId, sql.placeholder('conversationId')), eq(messages.authorType, 'contact')))
      .orderBy(asc(messages.sentAt), asc(messages.id))
      .limit(1)
      .prepare(),
  );
  return statement.get({ conversationId })?.body ?? '';
}

export function loadRoutingContact(db: Db, conversation: Conversation): RoutingContact {
  const contact = prepared(db, 'routing.contact', (d) =>
    d.select({ vip: contacts.vip, locale: contacts.locale, tags: contacts.tags, attributes: contacts.attributes }).from(contacts).where(eq(contacts.id, sql.placeholder('id'))).prepare(),
  ).get({ id: conversation.contactId });
  return routingContactOf(contact, hasEarlierConversation(db, conversation));
}

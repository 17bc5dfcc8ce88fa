import { and, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { users } from '../accounts/accounts.tables';
import { contacts } from '../contacts/contacts.tables';
import { conversations, type ConversationStatus } from './conversations.tables';
import type { ConversationSummary } from './conversation-views.repository';
import { visibleConversationFilter, type InboxViewer } from './inbox-access';

export interface ContactSidebarView {
  conversationId: string;
  contactId: string;
  name: string;
  tags: string[];
  attributes: [string, string][];
  vip: boolean;
  ownerAgentId: string | null;
  optedIn: boolean;
  agents: { id: string; name: string }[];
  history: { id: string; status: ConversationStatus; lastMessageAt: number }[];
}

const stringsOf = (json: string): string[] => {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
};

const pairsOf = (json: string): [string, string][] => {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value).map(([k, v]) => [k, String(v)]) : [];
  } catch {
    return [];
  }
};

/** Active teammates who may own a contact. */
export const activeAgents = (db: Db) =>
  db.select({ id: users.id, name: users.name }).from(users).where(and(isNull(users.disabledAt), inArray(users.role, ['admin', 'supervisor', 'agent']))).orderBy(users.name).all();

/**
 * The editable contact facts beside a conversation, and the contact's other conversations (newest first) — only
 * those the viewer may see, so a sidebar never reveals threads in other inboxes or others' private conversations.
 */
export function buildContactSidebarView(db: Db, summary: ConversationSummary, viewer: InboxViewer, limit = 10): ContactSidebarView {
  const contact = db.select().from(contacts).where(eq(contacts.id, summary.contactId)).get();
  const history = db
    .select({ id: conversations.id, status: conversations.status, lastMessageAt: conversations.lastMessageAt })
    .from(conversations)
    .where(and(eq(conversations.contactId, summary.contactId), ne(conversations.id, summary.id), visibleConversationFilter(viewer)))
    .orderBy(desc(conversations.lastMessageAt))
    .limit(limit)
    .all();
  return {
    conversationId: summary.id,
    contactId: summary.contactId,
    name: contact?.name ?? '',
    tags: stringsOf(contact?.tags ?? '[]'),
    attributes: pairsOf(contact?.attributes ?? '{}'),
    vip: contact?.vip ?? false,
    ownerAgentId: contact?.ownerAgentId ?? null,
    optedIn: contact?.optedIn ?? false,
    agents: activeAgents(db),
    history,
  };
}

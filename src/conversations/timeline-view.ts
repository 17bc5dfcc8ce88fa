import type { Db } from '../platform/db/client';
import { canResend, findLatestOutboxForMessage } from './outbox';
import { listTimeline } from './message-views.repository';
import { toMessageView, type MessageView } from './message-view';
import { listInboxTemplates } from './template-views.repository';
import { fillTemplate, readTemplateText } from './template-text';
import { encodeCursor, type Keyset } from './keyset-cursor';

export const TIMELINE_PAGE_SIZE = 30;

export interface TimelineView {
  conversationId: string;
  messages: MessageView[];
  /** Cursor of the oldest message shown, when older ones exist. */
  olderCursor: string | null;
}

/** The latest page of a conversation's timeline, or the page just before `before`, ready to render. */
export function buildTimelineView(db: Db, conversation: { id: string; inboxId: string }, { before, now }: { before?: Keyset; now: number }): TimelineView {
  const page = listTimeline(db, conversation.id, { before: before && { sentAt: before.at, id: before.id }, limit: TIMELINE_PAGE_SIZE });
  const context = messageViewContext(db, conversation.inboxId, now);
  const messages = page.messages.map((item) => toMessageView(item, context));
  const oldest = page.messages[0]?.message;
  return { conversationId: conversation.id, messages, olderCursor: page.hasOlder && oldest ? encodeCursor({ at: oldest.sentAt, id: oldest.id }) : null };
}

/** Lookups a bubble needs beyond its row; templates are read once per page and only if a template bubble asks. */
export function messageViewContext(db: Db, inboxId: string, now: number) {
  let templates: ReturnType<typeof listInboxTemplates> | undefined;
  return {
    canResend: (messageId: string) => {
      const row = findLatestOutboxForMessage(db, messageId);
      return row ? canResend(row, now) : false;
    },
    templateText: (name: string, language: string, variables: string[]) => {
      templates ??= listInboxTemplates(db, inboxId, { approvedOnly: false });
      const template = templates.find((t) => t.name === name && (!language || t.language === language));
      return template ? fillTemplate(readTemplateText(template.components).body, variables) : undefined;
    },
  };
}

import type { Db } from '../platform/db/client';
import type { ConversationSummary } from './conversation-views.repository';
import { toContactView, toConversationRow, type ContactView, type ConversationRowView } from './conversation-view';
import { buildTimelineView, type TimelineView } from './timeline-view';
import { buildComposerView, type ComposerState, type ComposerView } from './composer-view';
import type { Keyset } from './keyset-cursor';
import { getNoteLimit } from './note-settings';
import { buildContactSidebarView, type ContactSidebarView } from './contact-sidebar-view';
import type { InboxViewer } from './inbox-access';
import { buildConversationActionsView, type ConversationActionsView } from './conversation-actions-view';

export interface ConversationPageView {
  conversation: ConversationRowView;
  contact: ContactView;
  timeline: TimelineView;
  composer: ComposerView;
  noteLimit: number;
  sidebar: ContactSidebarView;
  actions: ConversationActionsView;
}

/** Everything the conversation page shows: header, contact, the latest (or an older) page of the timeline, composer. */
export function buildConversationPageView(
  db: Db,
  summary: ConversationSummary,
  options: { before?: Keyset; composer: ComposerState; viewer: InboxViewer },
): ConversationPageView {
  return {
    conversation: toConversationRow(summary, options.composer.now),
    contact: toContactView(summary),
    timeline: buildTimelineView(db, summary, { before: options.before, now: options.composer.now }),
    composer: buildComposerView(db, summary, options.composer),
    noteLimit: getNoteLimit(db),
    sidebar: buildContactSidebarView(db, summary, options.viewer),
    actions: buildConversationActionsView(db, summary, options.composer.now),
  };
}

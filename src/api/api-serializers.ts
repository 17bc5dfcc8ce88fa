import type { ConversationSummary } from '../conversations/conversation-views.repository';
import type { TimelineMessage } from '../conversations/message-views.repository';
import { messageContent } from '../conversations/messages.repository';
import { replyWindowClosesAt, isReplyWindowOpen } from '../conversations/reply-window';
import type { Contact } from '../contacts/contacts.repository';
import { isoTime } from './api-responses';

/** The API's JSON shapes: snake_case, ISO times, our ids; stable whatever the tables look like inside. */
const MEDIA_KINDS = new Set(['image', 'sticker', 'video', 'audio', 'voice', 'document']);

export function toApiConversation(c: ConversationSummary, now: number) {
  return {
    id: c.id,
    status: c.status,
    priority: c.priority,
    inbox_id: c.inboxId,
    inbox_name: c.inboxName,
    contact: {
      id: c.contactId,
      name: c.contactName,
      profile_name: c.contactProfileName,
      phone: c.contactPhone,
      wa_id: c.contactWaId,
      user_id: c.contactUserId,
      username: c.contactUsername,
    },
    assignee_id: c.assigneeId,
    team_id: c.teamId,
    unread_count: c.unreadCount,
    last_message_preview: c.lastMessagePreview,
    last_message_at: isoTime(c.lastMessageAt),
    last_inbound_at: isoTime(c.lastInboundAt),
    reply_window: { open: isReplyWindowOpen({ lastInboundAt: c.lastInboundAt, now }), closes_at: isoTime(replyWindowClosesAt(c.lastInboundAt)) },
    created_at: isoTime(c.createdAt),
    updated_at: isoTime(c.updatedAt),
  };
}

export function toApiMessage({ message: m, media }: TimelineMessage) {
  const isMedia = MEDIA_KINDS.has(m.kind);
  const failed = m.status === 'failed';
  return {
    id: m.id,
    conversation_id: m.conversationId,
    direction: m.direction,
    type: m.kind,
    author_type: m.authorType,
    author_id: m.authorId,
    text: isMedia ? null : m.body,
    caption: isMedia ? m.body : null,
    media: media
      ? { id: media.id, url: `/media/${media.id}`, mime_type: media.mimeType, file_name: media.fileName, size: media.bytes, status: media.status }
      : null,
    content: messageContent(m),
    wa_message_id: m.waMessageId,
    reply_to_wa_message_id: m.replyToWaId,
    status: m.status,
    failure: failed || m.errorCode !== null ? { code: m.errorCode, title: m.errorTitle, detail: m.errorDetail } : null,
    edited_at: isoTime(m.editedAt),
    deleted_at: isoTime(m.deletedAt),
    sent_at: isoTime(m.sentAt),
    created_at: isoTime(m.createdAt),
  };
}

export function toApiContact(c: Contact) {
  return {
    id: c.id,
    name: c.name,
    profile_name: c.profileName,
    phone: c.phone,
    wa_id: c.waId,
    user_id: c.userId,
    username: c.username,
    created_at: isoTime(c.createdAt),
    updated_at: isoTime(c.updatedAt),
  };
}

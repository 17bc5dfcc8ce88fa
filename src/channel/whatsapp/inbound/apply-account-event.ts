import { and, eq } from 'drizzle-orm';
import { auditLog } from '../../../audit/audit.tables';
import { recordAudit, systemActor } from '../../../audit/record-audit';
import { sha256Hex } from '../../../platform/crypto';
import { findContactByIdentity } from '../../../contacts/contacts.repository';
import { changeContactWaId, upsertContact } from '../../../contacts/upsert-contact';
import { setContactNameIfBlank } from '../../../contacts/set-contact-name';
import { recordConversationEvent } from '../../../conversations/record-conversation-event';
import { findMessageByWaId } from '../../../conversations/messages.repository';
import { indexContact } from '../../../conversations/search/search-index';
import type { InboundEvent } from './inbound-events';
import type { ApplyContext } from './apply-inbound-event';

type AccountEvent = Exclude<InboundEvent, { type: 'message' | 'status' | 'reaction' | 'edit' | 'revoke' }>;

/** Identity changes, coexistence contact sync, and account-level notices (alerts for the admin). */
export function applyAccountEvent(event: AccountEvent, ctx: ApplyContext): void {
  const channel = ctx.channelFor(event.phoneNumberId);
  const deps = { db: ctx.db, newId: ctx.newId, now: ctx.now };
  // A notice seen before (same wamid) changes nothing, not even the contact it names.
  if ((event.type === 'number-changed' || event.type === 'identity-changed') && findMessageByWaId(ctx.db, event.waMessageId)) return ctx.count('duplicates');
  switch (event.type) {
    case 'number-changed': {
      const existing = findContactByIdentity(ctx.db, event.contact);
      const oldWaId = existing?.waId ?? event.contact.waId ?? undefined;
      const contact = existing ?? upsertContact(ctx.db, { waId: event.newWaId, userId: event.contact.userId }, deps);
      if (existing && !changeContactWaId(ctx.db, existing.id, event.newWaId, ctx.now)) ctx.count('notes', `new number ${event.newWaId} already belongs to another contact`);
      const content = { event: 'number_changed', oldWaId, newWaId: event.newWaId };
      const stored = recordConversationEvent({ inboxId: channel.inboxId, contactId: contact.id, waMessageId: event.waMessageId, content, body: event.body, at: event.at }, deps);
      ctx.count(stored && !stored.duplicate ? 'events' : 'numberChanges');
      return;
    }
    case 'identity-changed': {
      const contact = findContactByIdentity(ctx.db, event.contact) ?? upsertContact(ctx.db, event.contact, deps);
      const stored = recordConversationEvent(
        { inboxId: channel.inboxId, contactId: contact.id, waMessageId: event.waMessageId, content: { event: 'identity_changed' }, body: event.body, at: event.at },
        deps,
      );
      ctx.count(stored && !stored.duplicate ? 'events' : 'identityChanges');
      return;
    }
    case 'contact-sync': {
      if (event.action === 'remove') return ctx.count('contactsSynced', `contact ${event.waId} removed in the Business app (kept here)`);
      const contact = upsertContact(ctx.db, { waId: event.waId, userId: null }, deps);
      // The owner's address-book name is the business's own name for them: fill it, never overwrite the team's.
      if (event.name) setContactNameIfBlank(ctx.db, contact.id, event.name, ctx.now);
      indexContact(ctx.db, contact.id);
      return ctx.count('contactsSynced');
    }
    case 'history-declined':
      alertOnce(ctx, 'whatsapp.history_declined', channel.inboxId, { code: event.error.code ?? null, title: event.error.title ?? '', detail: event.error.detail ?? '' });
      return ctx.count('alerts', `history not shared (${event.error.code ?? '?'})`);
    case 'partner-removed':
      ctx.logger.error('WhatsApp number disconnected from the Cloud API (PARTNER_REMOVED)', { channelId: channel.id, reason: event.reason, initiatedBy: event.initiatedBy });
      alertOnce(ctx, 'whatsapp.partner_removed', channel.inboxId, { channelId: channel.id, reason: event.reason, initiatedBy: event.initiatedBy });
      return ctx.count('alerts', `number disconnected: ${event.reason || 'no reason given'}`);
    case 'system-error':
      ctx.logger.warn('WhatsApp reported an error for the number', { channelId: channel.id, code: event.error.code, title: event.error.title });
      return ctx.count('errors', `error ${event.error.code ?? '?'}: ${event.error.title ?? ''}`.trim());
  }
}

/** An admin-visible record (audit log, targeting the inbox); a retried webhook saying the same thing adds nothing. */
function alertOnce(ctx: ApplyContext, action: string, inboxId: string, details: Record<string, unknown>) {
  const fingerprint = sha256Hex(JSON.stringify({ action, inboxId, details }));
  const existing = ctx.db
    .select({ details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.targetId, inboxId)))
    .all();
  if (existing.some((row) => row.details.includes(fingerprint))) return;
  recordAudit(ctx.db, { newId: ctx.newId, now: ctx.now }, systemActor, { action, targetType: 'inbox', targetId: inboxId, details: { ...details, fingerprint } });
}

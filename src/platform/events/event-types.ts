/**
 * The domain events, by name, with what each carries. Like LiveEvent this union lives down here so that every
 * module (presence in live, capacity in teams, conversations) can append them without importing upwards.
 * Payloads are small JSON facts: ids and states, never customer text (handlers read what they need).
 */
export interface DomainEventPayloads {
  /** A live conversation was created by a customer's message (not by imported history). */
  'conversation.opened': { inboxId: string; contactId: string };
  /** A customer's live message was stored. */
  'message.received': { messageId: string; inboxId: string; contactId: string };
  /** A message to the customer was queued (agent reply, automation, template). */
  'message.queued': { messageId: string; authorType: 'agent' | 'automation'; authorId: string | null };
  'conversation.status_changed': { from: string; to: string; actorId: string | null };
  /** Agent and/or team changed by a person, by the assigner or by SLA escalation (routing's first team is not one). */
  'conversation.assigned': { assigneeId: string | null; teamId: string | null; actorId: string | null };
  /** The menu bot handed the conversation to a human (routing takes it from here). */
  'conversation.handed_over': { reason: string };
  /** Taken back from its agent (idle release, agent away/offline) and put back in the team's queue. */
  'conversation.requeued': { fromAgentId: string | null; reason: string };
  'agent.availability_changed': { userId: string; status: 'online' | 'away' | 'offline' };
  /** An agent's capacity, skills or shift changed, or a team's policy or members did: the queue may move. */
  'routing.capacity_changed': { userId?: string; teamId?: string };
}

export type DomainEventType = keyof DomainEventPayloads;

import type { MessageKey } from '../i18n/translate';

/** Timeline lines of the list and conversation actions: `content.event` → the sentence that explains it. */
export const LIST_EVENT_KEYS: Record<string, MessageKey> = {
  assigned: 'list.event.assigned',
  unassigned: 'list.event.unassigned',
  team_assigned: 'list.event.teamAssigned',
  team_removed: 'list.event.teamRemoved',
  snoozed: 'list.event.snoozed',
  snooze_ended: 'list.event.snoozeEnded',
  priority_low: 'list.event.priorityLow',
  priority_normal: 'list.event.priorityNormal',
  priority_high: 'list.event.priorityHigh',
  priority_urgent: 'list.event.priorityUrgent',
  label_added: 'list.event.labelAdded',
  label_removed: 'list.event.labelRemoved',
};

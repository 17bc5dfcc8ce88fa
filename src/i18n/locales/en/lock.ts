/** The reply lock (one agent replies at a time), idle release, and their settings page. */
export const lock = {
  'lock.banner.heldBy': 'Locked by {name}, {time} left',
  'lock.takeOver': 'Take over',
  'lock.error.held': '{name} is replying to this conversation. Wait until they finish, or ask a supervisor to take over.',
  'lock.error.takeOverForbidden': 'Only supervisors and admins can take over a reply.',
  'lock.event.takenOver': 'Lock taken over by {actor} from {from}',
  'lock.event.idleReleased': 'Returned to the queue: {agent} did not reply within {minutes} minutes',
  'lock.settings.nav': 'Inbox behaviour',
  'lock.settings.title': 'Inbox behaviour',
  'lock.settings.intro': 'Keep two agents from answering the same customer, and keep waiting customers from being forgotten.',
  'lock.settings.lockMinutes': 'Reply lock (minutes)',
  'lock.settings.lockMinutes.hint': 'While an agent has a conversation open, nobody else can send in it. Typing or sending renews the lock. From 5 to 15 minutes.',
  'lock.settings.lockMinutes.range': 'Enter a whole number of minutes from 5 to 15.',
  'lock.settings.idleMinutes': 'Return to the queue after (minutes)',
  'lock.settings.idleMinutes.hint': 'When a customer is waiting and the assigned agent does nothing for this long, the conversation goes back to the queue. 0 turns this off.',
  'lock.settings.idleMinutes.range': 'Enter a whole number of minutes from 0 to 120.',
};

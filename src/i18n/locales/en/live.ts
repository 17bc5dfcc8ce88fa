/** Live updates, presence and notifications. */
export const live = {
  'live.presence.label': 'Your status',
  'live.presence.online': 'Online',
  'live.presence.away': 'Away',
  'live.presence.offline': 'Offline',
  'live.presence.auto': 'Automatic',
  'live.presence.autoHint': 'Online while an inbox tab is open and used; away after 5 minutes without activity.',
  'live.presence.chosen': 'Chosen: {status}',
  'live.unread.badge': '{count} unread conversations',
  'live.notify.title': 'New WhatsApp message',
  'live.notify.heading': 'Notifications',
  'live.notify.desktop': 'Desktop notification for new messages in my conversations',
  'live.notify.desktopHint': 'Shows the contact’s name only, never the message, so nothing private appears on a shared screen.',
  'live.notify.sound': 'Play a sound for new messages in my conversations',
  'live.notify.blocked': 'Your browser blocks notifications for this site; allow them in the browser’s site settings.',
  'field.presence.invalid': 'Choose online, away, offline or automatic.',
} as const;

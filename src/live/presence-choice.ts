import { PRESENCE_STATUSES, type PresenceStatus } from './live-events';

/** A submitted choice: a status, `null` for automatic ("auto" or empty), or undefined when it is not one of them. */
export function parsePresenceChoice(value: string): PresenceStatus | null | undefined {
  if (value === 'auto') return null;
  return (PRESENCE_STATUSES as readonly string[]).includes(value) ? (value as PresenceStatus) : undefined;
}

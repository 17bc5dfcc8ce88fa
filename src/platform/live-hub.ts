/**
 * The facts the live hub carries. Small, id-only JSON: never rendered HTML and never customer text, so nothing
 * private can leak through the bus; each open tab re-fetches what it may see. The union lives down here (like
 * WakeName) so AppDeps can type `live` without importing a module; src/live/live-events.ts re-exports it.
 */
export type LiveEvent =
  | { type: 'conversation.changed'; conversationId: string; inboxId: string }
  | { type: 'message.created'; conversationId: string; inboxId: string; direction: 'inbound' | 'outbound' }
  | { type: 'message.updated'; conversationId: string; inboxId: string }
  | { type: 'lock.changed'; conversationId: string; inboxId?: string }
  | { type: 'presence.changed'; userId: string; status: 'online' | 'away' | 'offline' }
  /** For one user only: a mention or similar notification is waiting for them. */
  | { type: 'notification.created'; userId: string };

export type LiveListener = (event: LiveEvent) => void;

export interface LiveHub {
  /** Call after the commit, never inside a transaction: listeners write to open streams at once. */
  publish(event: LiveEvent): void;
  /** Registers a listener for the events the filter accepts; returns the function that removes it. */
  subscribe(filter: (event: LiveEvent) => boolean, send: LiveListener): () => void;
  /** How many listeners are registered (tests and health). */
  size(): number;
}

/** One process, one hub. A throwing listener is reported and skipped, never propagated to the publisher. */
export function createLiveHub(onError: (error: unknown) => void = () => {}): LiveHub {
  const listeners = new Set<{ filter: (event: LiveEvent) => boolean; send: LiveListener }>();
  return {
    publish(event) {
      for (const listener of [...listeners]) {
        try {
          if (listener.filter(event)) listener.send(event);
        } catch (error) {
          onError(error);
        }
      }
    },
    subscribe(filter, send) {
      const listener = { filter, send };
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    size: () => listeners.size,
  };
}

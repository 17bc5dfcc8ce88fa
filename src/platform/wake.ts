/**
 * A tiny in-process notifier: a use case calls `wake('outbox')` after its commit and the matching drain loop runs
 * at once instead of waiting for its safety-net job. Listeners run on the next turn of the event loop (after
 * pending responses are written), never inside the caller's transaction, and a throwing listener is reported,
 * never propagated to the waker.
 */
export type WakeName = 'webhook-journal' | 'media' | 'outbox' | 'events' | (string & {});

export interface Waker {
  wake(name: WakeName): void;
  /** Registers a listener; returns a function that removes it. */
  on(name: WakeName, fn: () => void | Promise<void>): () => void;
  /** Hears every wake-up, whatever its name (serve forwards them to the background thread); returns its remover. */
  onEvery(fn: (name: WakeName) => void): () => void;
}

export function createWaker(onError: (name: string, error: unknown) => void = () => {}): Waker {
  const listeners = new Map<string, Set<() => void | Promise<void>>>();
  const everyName = new Set<(name: WakeName) => void>();
  return {
    wake(name) {
      const fns = [...(listeners.get(name) ?? []), ...[...everyName].map((fn) => () => fn(name))];
      for (const fn of fns) {
        setImmediate(() => {
          try {
            const result = fn();
            if (result instanceof Promise) result.catch((error: unknown) => onError(name, error));
          } catch (error) {
            onError(name, error);
          }
        });
      }
    },
    on(name, fn) {
      let fns = listeners.get(name);
      if (!fns) listeners.set(name, (fns = new Set()));
      fns.add(fn);
      return () => void fns.delete(fn);
    },
    onEvery(fn) {
      everyName.add(fn);
      return () => void everyName.delete(fn);
    },
  };
}

/**
 * Wraps an async drain function so that concurrent wake-ups coalesce: at most one run at a time, and a wake-up that
 * arrives during a run schedules exactly one more run afterwards (so no commit is ever missed).
 */
export function coalesce(run: () => Promise<void> | void): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  const loop = async () => {
    do {
      again = false;
      await run();
    } while (again);
  };
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = loop().finally(() => {
      running = null;
    });
    return running;
  };
}

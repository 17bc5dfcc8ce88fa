import type { AppDeps } from '../../deps';
import type { FromBackground, ToBackground } from './background-messages';

export interface Background {
  /** Lets running jobs finish (bounded), closes the thread's connection and ends the thread. */
  stop(): Promise<void>;
}

/**
 * In the compiled binary the worker is a second entry point, addressed by its path below src/; from source it is
 * the file next to this one.
 */
const workerEntry = import.meta.url.includes('$bunfs')
  ? './cli/background/background-worker.ts'
  : new URL('./background-worker.ts', import.meta.url).href;

const RESTART_AFTER_MS = 1000;
const STOP_WAIT_MS = 35_000;

/**
 * Starts the background thread and bridges it: every wake-up on this thread is forwarded there, every live change
 * made there is published to this thread's hub. A thread that dies unexpectedly is logged and started again (its
 * work is all in the database, so nothing is lost, only delayed).
 */
export function startBackground(deps: AppDeps): Background {
  const log = deps.logger.child({ component: 'background' });
  let worker: Worker;
  let stopping = false;
  let markStopped: () => void = () => {};

  const send = (message: ToBackground) => worker.postMessage(message);

  function spawn() {
    worker = new Worker(workerEntry);
    worker.onmessage = (message: MessageEvent<FromBackground>) => {
      const event = message.data;
      if (event.kind === 'live') deps.live?.publish(event.event);
      else if (event.kind === 'ready') log.info('background jobs started');
      else if (event.kind === 'stopped') markStopped();
    };
    worker.onerror = (error) => log.error('background thread error', { error: error.message });
    worker.addEventListener('close', () => {
      if (stopping) return;
      log.error('background thread ended unexpectedly; starting it again', { inMs: RESTART_AFTER_MS });
      setTimeout(() => !stopping && spawn(), RESTART_AFTER_MS);
    });
    send({ kind: 'start', config: deps.config });
  }

  spawn();
  // A burst of commits wakes the same loops thousands of times a second; one message per name per turn is enough.
  const pendingWakes = new Set<string>();
  const stopForwarding = deps.waker?.onEvery((name) => {
    if (pendingWakes.size === 0) setImmediate(() => {
      for (const pending of pendingWakes) send({ kind: 'wake', name: pending });
      pendingWakes.clear();
    });
    pendingWakes.add(name);
  });

  return {
    async stop() {
      stopping = true;
      stopForwarding?.();
      const stopped = new Promise<void>((resolve) => (markStopped = resolve));
      send({ kind: 'stop' });
      await Promise.race([stopped, Bun.sleep(STOP_WAIT_MS)]);
      worker.terminate();
    },
  };
}

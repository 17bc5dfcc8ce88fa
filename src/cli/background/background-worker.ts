/**
 * Entry of the background thread (a Bun Worker started by `rasil serve`): every scheduled job and drain loop —
 * webhook journal processing, domain-event handlers, the outbox, media downloads, SLA checks, backups — runs here
 * on its own SQLite connection, so reacting to webhooks never delays acknowledging them on the main thread.
 * Built into the binary as a second entry point (package.json "build").
 */
import { openDeps } from '../open-deps';
import { jobDefinitions } from '../../jobs';
import { startJobs, type RunningJobs } from '../../platform/scheduler';
import type { LiveHub } from '../../platform/live-hub';
import type { FromBackground, ToBackground } from './background-messages';

declare const self: Worker;

const tell = (message: FromBackground) => self.postMessage(message);

/** Open tabs live on the main thread: changes made here are posted there and published to its hub. */
const liveOnMainThread: LiveHub = {
  publish: (event) => tell({ kind: 'live', event }),
  subscribe: () => () => {},
  size: () => 0,
};

let running: { jobs: RunningJobs; deps: ReturnType<typeof openDeps> } | null = null;

self.onmessage = async (message: MessageEvent<ToBackground>) => {
  const command = message.data;
  if (command.kind === 'start') {
    // The main thread has migrated the database already; this is just a second connection to the same file.
    const deps = openDeps(command.config, { live: liveOnMainThread });
    const jobs = startJobs(jobDefinitions(deps), deps.logger, deps.waker);
    running = { jobs, deps };
    // Resume what a previous process left (unprocessed webhooks, queued replies, events) now, not at the first tick.
    for (const name of ['webhook-journal', 'outbox', 'media', 'events'] as const) deps.wake(name);
    tell({ kind: 'ready' });
  } else if (command.kind === 'wake') {
    running?.deps.wake(command.name);
  } else if (command.kind === 'stop') {
    if (running) {
      await running.jobs.stop();
      running.deps.close();
      running = null;
    }
    tell({ kind: 'stopped' });
  }
};

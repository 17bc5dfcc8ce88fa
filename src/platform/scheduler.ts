import { Cron } from 'croner';
import type { Logger } from './logger';
import { coalesce, type Waker } from './wake';

export interface JobDefinition {
  name: string;
  /** Six-field croner pattern (seconds first). */
  pattern: string;
  /** IANA zone the pattern is read in; defaults to UTC. */
  timezone?: string;
  run(): Promise<void> | void;
  /** Also run right after a commit wakes this name (drain loops); overlapping wake-ups coalesce into one more run. */
  wakeOn?: string;
  /** Gather the wake-ups of this many ms into one run, so a trickle of commits is processed in batches. */
  wakeDelayMs?: number;
}

export interface RunningJobs {
  stop(): Promise<void>;
  /** Runs a job now (tests and admin "run now" buttons). */
  trigger(name: string): Promise<void>;
}

/**
 * Starts croner for each job. A run that is still busy when the next one is due is skipped (and logged), and a
 * throwing job is logged without taking the process down.
 */
export function startJobs(jobs: JobDefinition[], logger: Logger, waker?: Waker): RunningJobs {
  const unsubscribe: (() => void)[] = [];
  const inflight = new Set<Promise<void>>();
  const crons = jobs.map((job) => {
    const log = logger.child({ job: job.name });
    const run: () => Promise<void> = job.wakeOn ? coalesce(() => job.run()) : async () => job.run();
    if (job.wakeOn && waker) {
      let timer: ReturnType<typeof setTimeout> | null = null;
      const start = () => {
        timer = null;
        const running = run().catch((error: unknown) => log.error('job failed', { error }));
        inflight.add(running);
        void running.finally(() => inflight.delete(running));
      };
      const onWake = () => {
        if (!job.wakeDelayMs) return start();
        timer ??= setTimeout(start, job.wakeDelayMs);
      };
      unsubscribe.push(() => timer && clearTimeout(timer));
      unsubscribe.push(waker.on(job.wakeOn, onWake));
    }
    // Our own busy flag rather than croner's `protect`, which does not cover manual trigger().
    let busy = false;
    return new Cron(job.pattern, { name: job.name, timezone: job.timezone }, async () => {
      if (busy) {
        log.warn('job skipped: previous run still busy');
        return;
      }
      busy = true;
      try {
        await run();
      } catch (error) {
        log.error('job failed', { error });
      } finally {
        busy = false;
      }
    });
  });
  return {
    async stop() {
      for (const off of unsubscribe) off();
      for (const cron of crons) cron.stop();
      await Promise.all(inflight);
      // A run in progress is not aborted by stop(); wait (bounded) for it so shutdown does not cut a backup in half.
      for (let waited = 0; crons.some((c) => c.isBusy()) && waited < 30_000; waited += 50) await Bun.sleep(50);
    },
    async trigger(name) {
      const cron = crons.find((c) => c.name === name);
      if (!cron) throw new Error(`No job named ${name}`);
      await cron.trigger();
    },
  };
}

import { Cron } from 'croner';
import type { Logger } from './logger';

export interface JobDefinition {
  name: string;
  /** Six-field croner pattern (seconds first). */
  pattern: string;
  /** IANA zone the pattern is read in; defaults to UTC. */
  timezone?: string;
  run(): Promise<void> | void;
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
export function startJobs(jobs: JobDefinition[], logger: Logger): RunningJobs {
  const crons = jobs.map((job) => {
    const log = logger.child({ job: job.name });
    // Our own busy flag rather than croner's `protect`, which does not cover manual trigger().
    let busy = false;
    return new Cron(job.pattern, { name: job.name, timezone: job.timezone }, async () => {
      if (busy) {
        log.warn('job skipped: previous run still busy');
        return;
      }
      busy = true;
      try {
        await job.run();
      } catch (error) {
        log.error('job failed', { error });
      } finally {
        busy = false;
      }
    });
  });
  return {
    async stop() {
      for (const cron of crons) cron.stop();
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

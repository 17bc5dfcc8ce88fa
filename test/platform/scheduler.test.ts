import { describe, expect, test } from 'bun:test';
import { startJobs } from '../../src/platform/scheduler';
import { createLogger } from '../../src/platform/logger';

const captureLogger = () => {
  const lines: Record<string, unknown>[] = [];
  return { lines, logger: createLogger({ level: 'debug', sink: (l) => lines.push(JSON.parse(l)), now: () => 0 }) };
};

describe('startJobs', () => {
  test('skips a run while the previous one is still busy, and says so', async () => {
    const { lines, logger } = captureLogger();
    let running = 0;
    let maxConcurrent = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const jobs = startJobs([{ name: 'slow', pattern: '0 0 0 1 1 *', run: async () => {
      running++;
      maxConcurrent = Math.max(maxConcurrent, running);
      await gate;
      running--;
    } }], logger);
    const first = jobs.trigger('slow');
    await Bun.sleep(5);
    const second = jobs.trigger('slow');
    await Bun.sleep(5);
    release();
    await Promise.all([first, second]);
    await jobs.stop();
    expect(maxConcurrent).toBe(1);
    expect(lines.some((l) => l.msg === 'job skipped: previous run still busy' && l.job === 'slow')).toBe(true);
  });

  test('logs a failing job and keeps the process alive', async () => {
    const { lines, logger } = captureLogger();
    const jobs = startJobs([{ name: 'broken', pattern: '0 0 0 1 1 *', run: () => { throw new Error('disk on fire'); } }], logger);
    await jobs.trigger('broken');
    await jobs.stop();
    const failure = lines.find((l) => l.msg === 'job failed');
    expect(failure?.job).toBe('broken');
    expect(JSON.stringify(failure)).toContain('disk on fire');
  });

  test('refuses to trigger a job that is not registered', async () => {
    const jobs = startJobs([], captureLogger().logger);
    await expect(jobs.trigger('nope')).rejects.toThrow('No job named nope');
  });
});

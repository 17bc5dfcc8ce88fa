import { describe, expect, test } from 'bun:test';
import { coalesce, createWaker } from '../../src/platform/wake';
import { startJobs } from '../../src/platform/scheduler';
import { createLogger } from '../../src/platform/logger';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('createWaker', () => {
  test('runs the listeners of a name after the current turn, not during wake()', async () => {
    const waker = createWaker();
    const calls: string[] = [];
    waker.on('media', () => void calls.push('media'));
    waker.on('outbox', () => void calls.push('outbox'));
    waker.wake('media');
    expect(calls).toEqual([]);
    await nextTurn();
    expect(calls).toEqual(['media']);
  });

  test('an every-name listener hears each wake-up by name, after the current turn, until removed', async () => {
    const waker = createWaker();
    const heard: string[] = [];
    const off = waker.onEvery((name) => void heard.push(name));
    waker.wake('media');
    waker.wake('events');
    expect(heard).toEqual([]);
    await nextTurn();
    expect(heard).toEqual(['media', 'events']);
    off();
    waker.wake('outbox');
    await nextTurn();
    expect(heard).toEqual(['media', 'events']);
  });

  test('stops calling a listener once it is removed', async () => {
    const waker = createWaker();
    let calls = 0;
    const off = waker.on('media', () => void calls++);
    off();
    waker.wake('media');
    await nextTurn();
    expect(calls).toBe(0);
  });

  test('reports a failing listener instead of throwing at the waker', async () => {
    const failures: string[] = [];
    const waker = createWaker((name) => failures.push(name));
    waker.on('outbox', () => {
      throw new Error('boom');
    });
    waker.on('outbox', async () => {
      throw new Error('async boom');
    });
    expect(() => waker.wake('outbox')).not.toThrow();
    await nextTurn();
    await nextTurn();
    expect(failures).toEqual(['outbox', 'outbox']);
  });
});

describe('coalesce', () => {
  test('runs once more, not once per call, when woken during a run', async () => {
    let runs = 0;
    let release!: () => void;
    const run = coalesce(async () => {
      runs++;
      if (runs === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    const first = run();
    run();
    run();
    run();
    release();
    await first;
    expect(runs).toBe(2);
  });

  test('starts a fresh run after the previous one finished', async () => {
    let runs = 0;
    const run = coalesce(() => void runs++);
    await run();
    await run();
    expect(runs).toBe(2);
  });
});

describe('startJobs with wakeOn', () => {
  test('runs a job right after its name is woken', async () => {
    const waker = createWaker();
    let runs = 0;
    const jobs = startJobs([{ name: 'drain', pattern: '0 0 0 1 1 *', wakeOn: 'webhook-journal', run: () => void runs++ }], createLogger({ level: 'silent', now: () => 0 }), waker);
    waker.wake('webhook-journal');
    await nextTurn();
    await nextTurn();
    await jobs.stop();
    expect(runs).toBe(1);
  });
});

describe('startJobs with wakeDelayMs', () => {
  test('gathers wake-ups within the delay into one run', async () => {
    const waker = createWaker();
    let runs = 0;
    const jobs = startJobs([{ name: 'drain', pattern: '0 0 0 1 1 *', wakeOn: 'webhook-journal', wakeDelayMs: 15, run: () => void runs++ }], createLogger({ level: 'silent', now: () => 0 }), waker);
    for (let i = 0; i < 5; i++) waker.wake('webhook-journal');
    await nextTurn();
    expect(runs).toBe(0);
    await Bun.sleep(40);
    await jobs.stop();
    expect(runs).toBe(1);
  });
});

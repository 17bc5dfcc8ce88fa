import { afterEach, beforeEach, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from '../../support/test-app';
import { seedOutboundWorld, startFakeGraph, type RunningFakeGraph } from '../../support/fake-graph';
import { jobDefinitions } from '../../../src/jobs';
import { startJobs, type RunningJobs } from '../../../src/platform/scheduler';
import { queueOutboundMessage } from '../../../src/conversations/queue-outbound-message';

let t: TestApp;
let graph: RunningFakeGraph;
let jobs: RunningJobs;

beforeEach(() => {
  t = createTestApp();
  graph = startFakeGraph({ clock: t.clock });
  jobs = startJobs(jobDefinitions(t.deps), t.deps.logger, t.deps.waker);
});
afterEach(async () => {
  await jobs.stop();
  graph.fake.close();
  await graph.stop();
  t.cleanup();
});

test('a queued reply goes out at once: queueing wakes the outbox job', async () => {
  const world = seedOutboundWorld(t.deps, { graphUrl: graph.url });
  const { conversationId } = world.customer('16505550900');
  const { outboxId } = queueOutboundMessage({ conversationId, author: { type: 'agent', id: null }, content: { kind: 'text', text: 'On my way' } }, t.deps);
  for (let i = 0; i < 30 && graph.fake.sendCount(outboxId) === 0; i++) await Bun.sleep(10);
  expect(graph.fake.sendCount(outboxId)).toBe(1);
});

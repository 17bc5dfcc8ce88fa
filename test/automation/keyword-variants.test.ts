import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from '../support/test-app';
import { receive, seedInbox } from '../conversations/inbox-fixtures';
import { createEventDispatcher } from '../../src/platform/events/event-dispatcher';
import { createAutomationHandler } from '../../src/automation/automation.on-customer-message';
import { calendarForInbox } from '../../src/conversations/inbox-calendar';
import { pickVariant, seededRandom } from '../../src/automation/pick-variant';
import { addKeywordRule, automaticMessages, setAutomaticLimit } from './automation-fixtures';

const VARIANTS = ['Cakes start at 10 SAR.', 'Our cakes cost from 10 SAR.', 'Prices begin at 10 SAR.', 'From 10 SAR a cake.'];

let t: TestApp;
let inboxId: string;
beforeEach(() => {
  t = createTestApp();
  ({ inboxId } = seedInbox(t));
  addKeywordRule(t, { replies: VARIANTS.map((en) => ({ en, ar: '' })) });
  setAutomaticLimit(t, 20);
});
afterEach(() => t.cleanup());

/** The automation handler alone, with seeded randomness, driven like the dispatch job drives it. */
function automationWithSeed(seed: number) {
  return createEventDispatcher(t.deps, [createAutomationHandler({ ...t.deps, calendarFor: calendarForInbox, random: seededRandom(seed) })]);
}

function askPrices(times: number, seed: number, customer: string): string[] {
  const automation = automationWithSeed(seed);
  let conversationId = '';
  for (let i = 0; i < times; i++) {
    conversationId = receive(t, inboxId, { body: 'price?', contact: { waId: customer, userId: null, profileName: 'Sara' } }).conversationId;
    automation.drain();
    t.clock.advance(60_000);
  }
  return automaticMessages(t, conversationId).map((m) => m.body);
}

describe('keyword reply variants', () => {
  test('are picked by the injected randomness, so a seed repeats the same answers', () => {
    const expected = (() => {
      const random = seededRandom(7);
      return Array.from({ length: 8 }, () => pickVariant(VARIANTS, random));
    })();
    expect(askPrices(8, 7, '966500000001')).toEqual(expected as string[]);
  });

  test('vary between answers', () => {
    expect(new Set(askPrices(8, 7, '966500000002')).size).toBeGreaterThan(1);
  });
});

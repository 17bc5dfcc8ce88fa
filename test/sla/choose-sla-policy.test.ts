import { describe, expect, test } from 'bun:test';
import { chooseSlaPolicy, type ConversationFacts, type SelectablePolicy } from '../../src/sla/choose-sla-policy';
import { slaStatus, worstStatus } from '../../src/sla/sla-status';

const facts: ConversationFacts = { priority: 'normal', vip: false, teamId: 'tem_sales', inboxId: 'ibx_main', labelIds: ['lbl_refund'] };
const policy = (id: string, over: Partial<SelectablePolicy> = {}): SelectablePolicy => ({ id, match: {}, position: 0, isDefault: false, ...over });

describe('choosing a policy', () => {
  test('the first matching rule by position wins', () => {
    const chosen = chooseSlaPolicy([policy('b', { position: 2, match: { teamId: 'tem_sales' } }), policy('a', { position: 1, match: { inboxId: 'ibx_main' } })], facts);
    expect(chosen?.id).toBe('a');
  });

  test('every condition of a rule must hold', () => {
    const chosen = chooseSlaPolicy([policy('vip-sales', { match: { teamId: 'tem_sales', vip: true } }), policy('default', { isDefault: true })], facts);
    expect(chosen?.id).toBe('default');
  });

  test('matches on priority, VIP and label', () => {
    const policies = [policy('urgent', { match: { priority: 'urgent' } }), policy('vip', { position: 1, match: { vip: true } }), policy('refunds', { position: 2, match: { labelId: 'lbl_refund' } })];
    expect(chooseSlaPolicy(policies, { ...facts, priority: 'urgent' })?.id).toBe('urgent');
    expect(chooseSlaPolicy(policies, { ...facts, vip: true })?.id).toBe('vip');
    expect(chooseSlaPolicy(policies, facts)?.id).toBe('refunds');
  });

  test('the default applies when no rule matches, even when listed first', () => {
    expect(chooseSlaPolicy([policy('default', { isDefault: true }), policy('other', { match: { teamId: 'tem_support' } })], facts)?.id).toBe('default');
  });

  test('without a default and no match there is no SLA', () => {
    expect(chooseSlaPolicy([policy('other', { match: { inboxId: 'ibx_other' } })], facts)).toBeUndefined();
  });
});

describe('status at a moment', () => {
  test('ok before the warning, warning from it, breached from the deadline', () => {
    const times = { warnAt: 800, dueAt: 1000 };
    expect(slaStatus(times, 799)).toBe('ok');
    expect(slaStatus(times, 800)).toBe('warning');
    expect(slaStatus(times, 1000)).toBe('breached');
  });

  test('a paused clock is ok', () => {
    expect(slaStatus({ warnAt: null, dueAt: null }, 5000)).toBe('ok');
  });

  test('a conversation shows its worst target; none running is null', () => {
    expect(worstStatus(['ok', 'breached', 'warning'])).toBe('breached');
    expect(worstStatus([])).toBeNull();
  });
});

import { describe, expect, test } from 'bun:test';
import { parseSlaPolicyForm, policyToForm, type SlaChoiceIds } from '../../src/sla/sla-policy-form';

const ids: SlaChoiceIds = {
  calendarIds: new Set(['cal_1']),
  teamIds: new Set(['tem_l2']),
  inboxIds: new Set(['ibx_1']),
  labelIds: new Set(['lbl_1']),
  supervisorIds: new Set(['usr_sup']),
};

describe('the policy form', () => {
  test('reads targets, clock, warning share, rule and tiers', () => {
    const parsed = parseSlaPolicyForm(
      {
        name: ' VIP ',
        first_response: '15',
        resolution: '480',
        clock: 'always',
        warning_percent: '75',
        match_vip: 'yes',
        match_inbox: 'ibx_1',
        tier1_action: 'raise_priority',
        tier2_action: 'reassign_team',
        tier2_delay: '30',
        tier2_team: 'tem_l2',
        tier3_action: '',
      },
      ids,
    );
    expect(parsed).toEqual({
      ok: true,
      value: {
        name: 'VIP',
        firstResponseMinutes: 15,
        nextResponseMinutes: null,
        resolutionMinutes: 480,
        clock: 'always',
        calendarId: null,
        warningPercent: 75,
        escalation: [
          { action: 'raise_priority', delayMinutes: 0 },
          { action: 'reassign_team', delayMinutes: 30, teamId: 'tem_l2' },
        ],
        match: { vip: true, inboxId: 'ibx_1' },
        position: 0,
        isDefault: false,
      },
    });
  });

  test('refuses a policy without any target', () => {
    expect(parseSlaPolicyForm({ name: 'Empty' }, ids)).toEqual({ ok: false, errors: { first_response: 'sla.error.noTarget' } });
  });

  test('refuses bad numbers, unknown choices and a reassignment without its team', () => {
    const parsed = parseSlaPolicyForm(
      { name: '', first_response: '-5', warning_percent: '100', calendar: 'cal_gone', tier1_action: 'reassign_team', tier1_delay: 'soon', tier2_action: 'reassign_user', tier2_user: 'usr_agent' },
      ids,
    );
    expect(parsed).toEqual({
      ok: false,
      errors: {
        name: 'sla.error.nameRequired',
        first_response: 'sla.error.minutes',
        calendar: 'sla.error.unknown',
        warning_percent: 'sla.error.percent',
        tier1_delay: 'sla.error.delay',
        tier1_team: 'sla.error.tierTeam',
        tier2_user: 'sla.error.unknown',
      },
    });
  });

  test('a stored policy round-trips through the form', () => {
    const value = {
      name: 'Gold',
      firstResponseMinutes: 10,
      nextResponseMinutes: 20,
      resolutionMinutes: null,
      clock: 'business' as const,
      calendarId: 'cal_1',
      warningPercent: 80,
      escalation: [{ action: 'reassign_user' as const, delayMinutes: 5, userId: 'usr_sup' }],
      match: { priority: 'high' as const, labelId: 'lbl_1' },
      position: 3,
      isDefault: true,
    };
    expect(parseSlaPolicyForm(policyToForm(value), ids)).toEqual({ ok: true, value });
  });
});

import { ESCALATION_ACTIONS, SLA_CLOCKS, type EscalationTier, type SlaMatch } from './sla.tables';

export const MAX_TIERS = 4;
const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
const MAX_TARGET_MINUTES = 525_600;
const MAX_DELAY_MINUTES = 10_080;

/** The form as typed (strings), so a refused form re-renders exactly what was entered. */
export type SlaPolicyForm = Record<string, string>;

export interface SlaPolicyInput {
  name: string;
  firstResponseMinutes: number | null;
  nextResponseMinutes: number | null;
  resolutionMinutes: number | null;
  clock: 'business' | 'always';
  calendarId: string | null;
  warningPercent: number;
  escalation: EscalationTier[];
  match: SlaMatch;
  position: number;
  isDefault: boolean;
}

/** What may be chosen in the selects; anything else is refused as "no longer exists". */
export interface SlaChoiceIds {
  calendarIds: ReadonlySet<string>;
  teamIds: ReadonlySet<string>;
  inboxIds: ReadonlySet<string>;
  labelIds: ReadonlySet<string>;
  supervisorIds: ReadonlySet<string>;
}

export const SLA_FORM_FIELDS = [
  'name', 'first_response', 'next_response', 'resolution', 'clock', 'calendar', 'warning_percent', 'position', 'is_default',
  'match_priority', 'match_vip', 'match_team', 'match_inbox', 'match_label',
  ...Array.from({ length: MAX_TIERS }, (_, i) => [`tier${i + 1}_action`, `tier${i + 1}_delay`, `tier${i + 1}_team`, `tier${i + 1}_user`]).flat(),
] as const;

export const readSlaForm = (read: (name: string) => string): SlaPolicyForm => Object.fromEntries(SLA_FORM_FIELDS.map((f) => [f, read(f).trim()]));

function wholeNumber(text: string, min: number, max: number): number | undefined {
  if (!/^\d{1,7}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
}

/** Checks the form; returns the policy or field errors (message keys by field name). */
export function parseSlaPolicyForm(form: SlaPolicyForm, ids: SlaChoiceIds): { ok: true; value: SlaPolicyInput } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const f = (name: string) => form[name] ?? '';
  const name = f('name').trim().replace(/\s+/g, ' ');
  if (!name || [...name].length > 100) errors.name = 'sla.error.nameRequired';
  const target = (field: string): number | null => {
    if (!f(field)) return null;
    const n = wholeNumber(f(field), 1, MAX_TARGET_MINUTES);
    if (n === undefined) errors[field] = 'sla.error.minutes';
    return n ?? null;
  };
  const firstResponseMinutes = target('first_response');
  const nextResponseMinutes = target('next_response');
  const resolutionMinutes = target('resolution');
  if (!errors.first_response && !errors.next_response && !errors.resolution && firstResponseMinutes === null && nextResponseMinutes === null && resolutionMinutes === null) {
    errors.first_response = 'sla.error.noTarget';
  }
  const clock = (SLA_CLOCKS as readonly string[]).includes(f('clock')) ? (f('clock') as 'business' | 'always') : 'business';
  const choice = (field: string, allowed: ReadonlySet<string>): string | undefined => {
    if (!f(field)) return undefined;
    if (!allowed.has(f(field))) errors[field] = 'sla.error.unknown';
    return f(field);
  };
  const calendarId = choice('calendar', ids.calendarIds) ?? null;
  const warningPercent = f('warning_percent') ? wholeNumber(f('warning_percent'), 1, 99) : 80;
  if (warningPercent === undefined) errors.warning_percent = 'sla.error.percent';
  const position = f('position') ? wholeNumber(f('position'), 0, 1000) : 0;
  if (position === undefined) errors.position = 'sla.error.position';
  const match: SlaMatch = {};
  if ((PRIORITIES as readonly string[]).includes(f('match_priority'))) match.priority = f('match_priority') as SlaMatch['priority'];
  if (f('match_vip') === 'yes' || f('match_vip') === 'no') match.vip = f('match_vip') === 'yes';
  const teamId = choice('match_team', ids.teamIds);
  if (teamId) match.teamId = teamId;
  const inboxId = choice('match_inbox', ids.inboxIds);
  if (inboxId) match.inboxId = inboxId;
  const labelId = choice('match_label', ids.labelIds);
  if (labelId) match.labelId = labelId;
  const escalation: EscalationTier[] = [];
  for (let i = 1; i <= MAX_TIERS; i++) {
    const action = f(`tier${i}_action`);
    if (!(ESCALATION_ACTIONS as readonly string[]).includes(action)) continue;
    const delayMinutes = f(`tier${i}_delay`) ? wholeNumber(f(`tier${i}_delay`), 0, MAX_DELAY_MINUTES) : 0;
    if (delayMinutes === undefined) errors[`tier${i}_delay`] = 'sla.error.delay';
    const tier: EscalationTier = { action: action as EscalationTier['action'], delayMinutes: delayMinutes ?? 0 };
    if (action === 'reassign_team') {
      if (!f(`tier${i}_team`)) errors[`tier${i}_team`] = 'sla.error.tierTeam';
      tier.teamId = choice(`tier${i}_team`, ids.teamIds);
    }
    if (action === 'reassign_user') {
      if (!f(`tier${i}_user`)) errors[`tier${i}_user`] = 'sla.error.tierUser';
      tier.userId = choice(`tier${i}_user`, ids.supervisorIds);
    }
    escalation.push(tier);
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: { name, firstResponseMinutes, nextResponseMinutes, resolutionMinutes, clock, calendarId, warningPercent: warningPercent!, escalation, match, position: position!, isDefault: f('is_default') === 'on' },
  };
}

/** A stored policy back into form strings, for the edit page. */
export function policyToForm(p: SlaPolicyInput): SlaPolicyForm {
  const form: SlaPolicyForm = {
    name: p.name,
    first_response: p.firstResponseMinutes?.toString() ?? '',
    next_response: p.nextResponseMinutes?.toString() ?? '',
    resolution: p.resolutionMinutes?.toString() ?? '',
    clock: p.clock,
    calendar: p.calendarId ?? '',
    warning_percent: String(p.warningPercent),
    position: String(p.position),
    is_default: p.isDefault ? 'on' : '',
    match_priority: p.match.priority ?? '',
    match_vip: p.match.vip === undefined ? '' : p.match.vip ? 'yes' : 'no',
    match_team: p.match.teamId ?? '',
    match_inbox: p.match.inboxId ?? '',
    match_label: p.match.labelId ?? '',
  };
  p.escalation.slice(0, MAX_TIERS).forEach((tier, i) => {
    form[`tier${i + 1}_action`] = tier.action;
    form[`tier${i + 1}_delay`] = String(tier.delayMinutes);
    form[`tier${i + 1}_team`] = tier.teamId ?? '';
    form[`tier${i + 1}_user`] = tier.userId ?? '';
  });
  return form;
}

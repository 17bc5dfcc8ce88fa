import type { RoutingRule } from './routing-rules';

/** The rule form exactly as typed (or as stored, for editing): what the settings page re-renders. */
export interface RuleFormValues {
  name: string;
  keywords: string;
  keyword_mode: string;
  customer: string;
  vip: string;
  languages: string;
  tags: string;
  attribute_key: string;
  attribute_op: string;
  attribute_value: string;
  inbox_ids: string[];
  menu_options: string;
  team_id: string;
  priority: string;
  label_ids: string[];
  required_skill: string;
}

export const EMPTY_RULE_FORM: RuleFormValues = {
  name: '',
  keywords: '',
  keyword_mode: 'whole_word',
  customer: '',
  vip: '',
  languages: '',
  tags: '',
  attribute_key: '',
  attribute_op: 'equals',
  attribute_value: '',
  inbox_ids: [],
  menu_options: '',
  team_id: '',
  priority: '',
  label_ids: [],
  required_skill: '',
};

const one = (value: unknown): string => (Array.isArray(value) ? one(value[0]) : typeof value === 'string' ? value : '');
const many = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : typeof value === 'string' && value !== '' ? [value] : []);

/** Reads a posted body into form values; absent fields take the empty form's defaults. */
export function readRuleForm(body: unknown): RuleFormValues {
  const raw = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const values = { ...EMPTY_RULE_FORM };
  for (const key of Object.keys(EMPTY_RULE_FORM) as (keyof RuleFormValues)[]) {
    if (key === 'inbox_ids' || key === 'label_ids') values[key] = many(raw[key]);
    else if (key in raw) values[key] = one(raw[key]);
  }
  return values;
}

/** A stored rule as form values, to prefill its edit form. */
export function formValuesOf(rule: Pick<RoutingRule, 'name' | 'when' | 'then'>): RuleFormValues {
  const values: RuleFormValues = { ...EMPTY_RULE_FORM, name: rule.name, team_id: rule.then.teamId };
  const { keywords, contact, inboxIds, menuOptions } = rule.when;
  if (keywords) Object.assign(values, { keywords: keywords.anyOf.join('\n'), keyword_mode: keywords.mode });
  for (const condition of contact ?? []) {
    if (condition.kind === 'customer') values.customer = condition.is;
    if (condition.kind === 'vip') values.vip = condition.is ? 'yes' : 'no';
    if (condition.kind === 'language') values.languages = condition.anyOf.join(', ');
    if (condition.kind === 'tag') values.tags = condition.anyOf.join(', ');
    if (condition.kind === 'attribute') Object.assign(values, { attribute_key: condition.key, attribute_op: condition.op, attribute_value: condition.value ?? '' });
  }
  values.inbox_ids = [...(inboxIds ?? [])];
  values.menu_options = (menuOptions ?? []).join('\n');
  values.priority = rule.then.priority ?? '';
  values.label_ids = [...(rule.then.labels ?? [])];
  values.required_skill = rule.then.requiredSkill ?? '';
  return values;
}

import { z } from 'zod';
import type { KeywordMatchMode } from '../platform/text/arabic-normalize';
import { PRIORITIES } from './assignment-policy';
import type { AttributeOperator, ContactCondition } from './routing-conditions';
import type { RoutingRule } from './routing-rules';

export const RULE_NAME_MAX = 80;
export const ATTRIBUTE_OPERATORS = ['equals', 'not_equals', 'contains', 'is_set', 'is_not_set'] as const satisfies readonly AttributeOperator[];
/** In the order the form offers them: whole words first, the safe default. */
export const KEYWORD_MODES = ['whole_word', 'contains', 'exact'] as const satisfies readonly KeywordMatchMode[];

const terms = z.array(z.string()).readonly();
const contactConditionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('customer'), is: z.enum(['new', 'returning']) }),
  z.object({ kind: z.literal('vip'), is: z.boolean() }),
  z.object({ kind: z.literal('language'), anyOf: terms }),
  z.object({ kind: z.literal('tag'), anyOf: terms }),
  z.object({ kind: z.literal('attribute'), key: z.string(), op: z.enum(ATTRIBUTE_OPERATORS), value: z.string().optional() }),
]);

/** The stored `when` column: what routing-rules.ts reads. Checked on the way out too, so a bad row is skipped, not obeyed. */
export const ruleWhenSchema: z.ZodType<RoutingRule['when']> = z.object({
  keywords: z.object({ anyOf: terms, mode: z.enum(KEYWORD_MODES) }).optional(),
  contact: z.array(contactConditionSchema).readonly().optional(),
  inboxIds: terms.optional(),
  menuOptions: terms.optional(),
});

/** The stored `then` column: the team and label ids, optional priority and skill. */
export const ruleThenSchema: z.ZodType<RoutingRule['then']> = z.object({
  teamId: z.string().min(1),
  priority: z.enum(PRIORITIES).optional(),
  labels: terms.optional(),
  requiredSkill: z.string().optional(),
});

/** "refund, استرجاع" or one per line → ["refund", "استرجاع"]; blanks and repeats dropped. */
export function splitList(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[\n\r,،;]+/)) {
    const item = part.trim().replace(/\s+/g, ' ');
    if (item) seen.add(item);
  }
  return [...seen];
}

const text = (max: number, tooLong: string) => z.string().trim().max(max, tooLong);
const list = (maxItems: number, tooMany: string) =>
  z
    .string()
    .transform(splitList)
    .pipe(z.array(z.string().max(100, 'routing.error.termTooLong')).max(maxItems, tooMany));
const ids = z.array(z.string()).max(200);

/** The rule form as posted: every field a string (or string list for checkboxes), messages are i18n keys. */
export const ruleFormSchema = z
  .object({
    name: text(RULE_NAME_MAX, 'routing.error.nameTooLong').min(1, 'routing.error.nameRequired'),
    keywords: list(50, 'routing.error.tooManyKeywords'),
    keyword_mode: z.enum(KEYWORD_MODES, 'routing.error.keywordMode'),
    customer: z.enum(['', 'new', 'returning'], 'routing.error.choice'),
    vip: z.enum(['', 'yes', 'no'], 'routing.error.choice'),
    languages: list(20, 'routing.error.tooManyLanguages').pipe(z.array(z.string().regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/, 'routing.error.language'))),
    tags: list(20, 'routing.error.tooManyTags'),
    attribute_key: text(60, 'routing.error.termTooLong'),
    attribute_op: z.enum(ATTRIBUTE_OPERATORS, 'routing.error.choice'),
    attribute_value: text(100, 'routing.error.termTooLong'),
    inbox_ids: ids,
    menu_options: list(20, 'routing.error.tooManyOptions'),
    team_id: z.string().min(1, 'routing.error.teamRequired'),
    priority: z.enum(['', ...PRIORITIES], 'routing.error.choice'),
    label_ids: ids,
    required_skill: text(40, 'routing.error.termTooLong'),
  })
  .superRefine((form, ctx) => {
    const needsValue = form.attribute_op === 'equals' || form.attribute_op === 'not_equals' || form.attribute_op === 'contains';
    if (form.attribute_key && needsValue && !form.attribute_value) ctx.addIssue({ code: 'custom', path: ['attribute_value'], message: 'routing.error.attributeValue' });
    if (!form.attribute_key && form.attribute_value) ctx.addIssue({ code: 'custom', path: ['attribute_key'], message: 'routing.error.attributeKey' });
  });

export type RuleForm = z.infer<typeof ruleFormSchema>;
/** What the settings page saves: a rule without its id, order or state. */
export type RuleDraft = Pick<RoutingRule, 'name' | 'when' | 'then'>;

/** The checked form as a rule: empty fields are conditions not given. */
export function draftFromForm(form: RuleForm): RuleDraft {
  const contact: ContactCondition[] = [];
  if (form.customer) contact.push({ kind: 'customer', is: form.customer });
  if (form.vip) contact.push({ kind: 'vip', is: form.vip === 'yes' });
  if (form.languages.length) contact.push({ kind: 'language', anyOf: form.languages });
  if (form.tags.length) contact.push({ kind: 'tag', anyOf: form.tags });
  if (form.attribute_key) {
    const needsValue = form.attribute_op !== 'is_set' && form.attribute_op !== 'is_not_set';
    contact.push({ kind: 'attribute', key: form.attribute_key, op: form.attribute_op, ...(needsValue ? { value: form.attribute_value } : {}) });
  }
  const when: RoutingRule['when'] = {
    ...(form.keywords.length ? { keywords: { anyOf: form.keywords, mode: form.keyword_mode } } : {}),
    ...(contact.length ? { contact } : {}),
    ...(form.inbox_ids.length ? { inboxIds: form.inbox_ids } : {}),
    ...(form.menu_options.length ? { menuOptions: form.menu_options } : {}),
  };
  const then: RoutingRule['then'] = {
    teamId: form.team_id,
    ...(form.priority ? { priority: form.priority } : {}),
    ...(form.label_ids.length ? { labels: form.label_ids } : {}),
    ...(form.required_skill ? { requiredSkill: form.required_skill } : {}),
  };
  return { name: form.name, when, then };
}

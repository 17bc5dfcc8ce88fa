import type { MessageKey } from '../i18n/translate';
import type { TimelineText } from '../i18n/timeline-text';
import type { ContactCondition } from './routing-conditions';
import type { RoutingRule } from './routing-rules';

/** Names to show for the ids a rule holds; an id with no name (deleted since) is left out. */
export interface RuleNames {
  teams: ReadonlyMap<string, string>;
  inboxes: ReadonlyMap<string, string>;
  labels: ReadonlyMap<string, string>;
}

const text = (key: MessageKey, vars: TimelineText['vars'] = {}): TimelineText => ({ key, vars });
const quoted = (items: readonly string[]) => items.map((item) => `“${item}”`).join(', ');
const named = (ids: readonly string[], names: ReadonlyMap<string, string>) => ids.flatMap((id) => (names.has(id) ? [names.get(id)!] : [])).join(', ');

function contactLine(condition: ContactCondition): TimelineText {
  switch (condition.kind) {
    case 'customer':
      return text(condition.is === 'new' ? 'routing.summary.newCustomer' : 'routing.summary.returningCustomer');
    case 'vip':
      return text(condition.is ? 'routing.summary.vip' : 'routing.summary.notVip');
    case 'language':
      return text('routing.summary.languages', { languages: condition.anyOf.join(', ') });
    case 'tag':
      return text('routing.summary.tags', { tags: condition.anyOf.join(', ') });
    case 'attribute':
      return text('routing.summary.attribute', { key: condition.key, op: text(`routing.op.${condition.op}` as MessageKey), value: condition.value ? `“${condition.value}”` : '' });
  }
}

/** A rule as two short lists for the settings page: what it looks for, and what it does. */
export function summarizeRule(rule: Pick<RoutingRule, 'when' | 'then'>, names: RuleNames): { when: TimelineText[]; then: TimelineText[] } {
  const { keywords, contact, inboxIds, menuOptions } = rule.when;
  const when: TimelineText[] = [];
  if (keywords?.anyOf.length) when.push(text('routing.summary.keywords', { keywords: quoted(keywords.anyOf) }));
  for (const condition of contact ?? []) when.push(contactLine(condition));
  if (inboxIds?.length) when.push(text('routing.summary.inboxes', { inboxes: named(inboxIds, names.inboxes) }));
  if (menuOptions?.length) when.push(text('routing.summary.menuOptions', { options: quoted(menuOptions) }));
  if (when.length === 0) when.push(text('routing.summary.everything'));
  const then: TimelineText[] = [text('routing.summary.team', { team: names.teams.get(rule.then.teamId) ?? '—' })];
  if (rule.then.priority) then.push(text('routing.summary.priority', { priority: text(`list.priority.${rule.then.priority}` as MessageKey) }));
  const labels = named(rule.then.labels ?? [], names.labels);
  if (labels) then.push(text('routing.summary.labels', { labels }));
  if (rule.then.requiredSkill) then.push(text('routing.summary.skill', { skill: rule.then.requiredSkill }));
  return { when, then };
}

import type { PageContext } from '../layout/page-context';
import type { TimelineText } from '../../src/i18n/timeline-text';
import { SettingsShell } from './settings-shell';
import { CsrfField } from '../components/form-field';
import { Notice } from './notice';
import { RoutingTestBox, type RoutingTestBoxView } from './routing-test-box';

export interface RoutingRuleRow {
  id: string;
  name: string;
  enabled: boolean;
  /** The stored rule no longer reads as a rule: skipped, shown so someone fixes it. */
  broken: boolean;
  teamMissing: boolean;
  when: TimelineText[];
  then: TimelineText[];
}

export interface RoutingPageView {
  rules: RoutingRuleRow[];
  test: RoutingTestBoxView;
  saved?: boolean;
}

/** /settings/routing: the rules in the order they are tried, each movable and switchable, and the test box. */
export function RoutingPage({ page, view }: { page: PageContext; view: RoutingPageView }) {
  return (
    <SettingsShell page={page} title={page.t('routing.title')}>
      <h1 safe>{page.t('routing.title')}</h1>
      <p class="muted" safe>
        {page.t('routing.intro')}
      </p>
      <Notice ok={view.saved ? page.t('routing.saved') : undefined} />
      <p>
        <a class="button" href="/settings/routing/new" safe>
          {page.t('routing.add')}
        </a>
      </p>
      {view.rules.length === 0 ? (
        <p class="card muted" safe>
          {page.t('routing.empty')}
        </p>
      ) : (
        <ol class="routing-rules card" aria-label={page.t('routing.list.label')}>
          {view.rules.map((rule, index) => (
            <RuleItem page={page} rule={rule} first={index === 0} last={index === view.rules.length - 1} />
          ))}
        </ol>
      )}
      <RoutingTestBox page={page} view={view.test} />
    </SettingsShell>
  );
}

function RuleItem({ page, rule, first, last }: { page: PageContext; rule: RoutingRuleRow; first: boolean; last: boolean }) {
  const base = `/settings/routing/${rule.id}`;
  return (
    <li id={`rule-${rule.id}`} class={rule.enabled ? 'routing-rule' : 'routing-rule routing-rule-off'}>
      <div class="routing-rule-head">
        <strong safe>{rule.name}</strong>{' '}
        <span class="badge" safe>
          {page.t(rule.enabled ? 'routing.list.on' : 'routing.list.off')}
        </span>
      </div>
      {rule.broken ? (
        <p class="error" safe>
          {page.t('routing.list.broken')}
        </p>
      ) : (
        <dl class="routing-rule-summary">
          <dt safe>{page.t('routing.summary.when')}</dt>
          <dd safe>{rule.when.map((line) => page.explain(line)).join(page.t('common.list.separator'))}</dd>
          <dt safe>{page.t('routing.summary.then')}</dt>
          <dd safe>{rule.then.map((line) => page.explain(line)).join(page.t('common.list.separator'))}</dd>
        </dl>
      )}
      {rule.teamMissing ? (
        <p class="error" safe>
          {page.t('routing.list.teamMissing')}
        </p>
      ) : (
        ''
      )}
      <div class="actions">
        <PostButton page={page} action={`${base}/move`} name="direction" value="up" label={page.t('routing.list.moveUp')} disabled={first} />
        <PostButton page={page} action={`${base}/move`} name="direction" value="down" label={page.t('routing.list.moveDown')} disabled={last} />
        <PostButton
          page={page}
          action={`${base}/enabled`}
          name="enabled"
          value={rule.enabled ? '0' : '1'}
          label={page.t(rule.enabled ? 'routing.list.turnOff' : 'routing.list.turnOn')}
          disabled={rule.broken && !rule.enabled}
        />
        <a class="button secondary" href={`${base}/edit`} safe>
          {page.t('common.edit')}
        </a>
        <a class="button danger" href={`${base}/delete`} safe>
          {page.t('common.delete')}
        </a>
      </div>
    </li>
  );
}

function PostButton({ page, action, name, value, label, disabled }: { page: PageContext; action: string; name: string; value: string; label: string; disabled: boolean }) {
  return (
    <form method="post" action={action} class="inline-form">
      <CsrfField page={page} />
      <input type="hidden" name={name} value={value} />
      <button type="submit" class="secondary" disabled={disabled} safe>
        {label}
      </button>
    </form>
  );
}

import type { PageContext } from '../layout/page-context';
import type { SlaPolicyRow } from '../../src/sla/sla-settings-view';
import type { SlaPolicy } from '../../src/sla/sla-policies.repository';
import { SettingsShell } from './settings-shell';
import { CsrfField } from '../components/form-field';

function minutes(page: PageContext, value: number | null): string {
  return value === null ? page.t('sla.summary.off') : page.t('sla.summary.minutes', { minutes: page.format.number(value) });
}

function ruleSummary(page: PageContext, row: SlaPolicyRow): string {
  const { match } = row.policy;
  const parts = [
    match.priority ? `${page.t('sla.field.priority')}: ${page.t(`list.priority.${match.priority}`)}` : '',
    match.vip === undefined ? '' : page.t(match.vip ? 'sla.vip.yes' : 'sla.vip.no'),
    row.ruleNames.team ? `${page.t('sla.field.team')}: ${row.ruleNames.team}` : '',
    row.ruleNames.inbox ? `${page.t('sla.field.inbox')}: ${row.ruleNames.inbox}` : '',
    row.ruleNames.label ? `${page.t('sla.field.label')}: ${row.ruleNames.label}` : '',
  ].filter(Boolean);
  if (row.policy.isDefault) parts.unshift(page.t('sla.summary.default'));
  return parts.length ? parts.join(page.t('common.list.separator')) : page.t('sla.summary.everything');
}

const escalationSummary = (page: PageContext, policy: SlaPolicy) =>
  policy.escalation.length ? policy.escalation.map((tier) => page.t(`sla.action.${tier.action}`)).join(' → ') : page.t('sla.summary.off');

/** /settings/sla: the policies in the order they are tried, each with edit and delete. */
export function SlaPage({ page, rows }: { page: PageContext; rows: SlaPolicyRow[] }) {
  return (
    <SettingsShell page={page} title={page.t('sla.settings.title')}>
      <h1 safe>{page.t('sla.settings.title')}</h1>
      <p class="muted" safe>
        {page.t('sla.settings.intro')}
      </p>
      <p class="muted small" safe>
        {page.t('sla.settings.selection')}
      </p>
      <p>
        <a class="button" href="/settings/sla/new" safe>
          {page.t('sla.settings.new')}
        </a>
      </p>
      {rows.length === 0 ? (
        <p class="card muted" safe>
          {page.t('sla.settings.empty')}
        </p>
      ) : (
        <table class="card sla-policies">
          <thead>
            <tr>
              <th safe>{page.t('sla.col.name')}</th>
              <th safe>{page.t('sla.col.targets')}</th>
              <th safe>{page.t('sla.col.clock')}</th>
              <th safe>{page.t('sla.col.rule')}</th>
              <th safe>{page.t('sla.col.escalation')}</th>
              <th safe>{page.t('sla.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr id={`sla-policy-${row.policy.id}`}>
                <td dir="auto" safe>
                  {row.policy.name}
                </td>
                <td safe>
                  {page.t('sla.summary.targets', {
                    first: minutes(page, row.policy.firstResponseMinutes),
                    next: minutes(page, row.policy.nextResponseMinutes),
                    resolution: minutes(page, row.policy.resolutionMinutes),
                  })}
                </td>
                <td safe>{page.t(`sla.clock.${row.policy.clock}`)}</td>
                <td dir="auto" safe>
                  {ruleSummary(page, row)}
                </td>
                <td safe>{escalationSummary(page, row.policy)}</td>
                <td>
                  <a href={`/settings/sla/${row.policy.id}`} safe>
                    {page.t('sla.settings.editLink')}
                  </a>
                  <form method="post" action={`/settings/sla/${row.policy.id}/delete`} class="inline-form">
                    <CsrfField page={page} />
                    <button type="submit" class="link-button danger" safe>
                      {page.t('sla.settings.delete')}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </SettingsShell>
  );
}

import type { PageContext } from '../layout/page-context';
import type { ReportRange } from '../../src/reports/report-range';
import type { MessageKey } from '../../src/i18n/translate';

export interface ReportChoices {
  inboxes: { id: string; name: string }[];
  teams: { id: string; name: string }[];
  agents: { id: string; name: string }[];
}

/** The range and filters as a plain GET form, so every report view is a shareable link. */
export function ReportFilters({ page, range, choices, action }: { page: PageContext; range: ReportRange; choices: ReportChoices; action: string }) {
  return (
    <form method="get" action={action} class="card report-filters">
      <div class="field">
        <label for="report-from" safe>
          {page.t('reports.filter.from')}
        </label>
        <input id="report-from" type="date" name="from" value={range.fromDate} dir="ltr" />
      </div>
      <div class="field">
        <label for="report-to" safe>
          {page.t('reports.filter.to')}
        </label>
        <input id="report-to" type="date" name="to" value={range.toDate} dir="ltr" />
      </div>
      <Choice page={page} name="inbox" label="reports.filter.inbox" options={choices.inboxes} value={range.inboxId} />
      <Choice page={page} name="team" label="reports.filter.team" options={choices.teams} value={range.teamId} />
      <Choice page={page} name="agent" label="reports.filter.agent" options={choices.agents} value={range.agentId} />
      <button type="submit" safe>
        {page.t('reports.filter.apply')}
      </button>
    </form>
  );
}

function Choice({ page, name, label, options, value }: { page: PageContext; name: string; label: MessageKey; options: { id: string; name: string }[]; value: string | null }) {
  return (
    <div class="field">
      <label for={`report-${name}`} safe>
        {page.t(label)}
      </label>
      <select id={`report-${name}`} name={name}>
        <option value="" safe>
          {page.t('reports.filter.all')}
        </option>
        {options.map((option) => (
          <option value={option.id} selected={option.id === value} safe>
            {option.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The current query with `format=csv&table=…`: each table's download link keeps the range and filters. */
export function csvHref(path: string, range: ReportRange, table: string): string {
  const params = new URLSearchParams({ from: range.fromDate, to: range.toDate, format: 'csv', table });
  if (range.inboxId) params.set('inbox', range.inboxId);
  if (range.teamId) params.set('team', range.teamId);
  if (range.agentId) params.set('agent', range.agentId);
  return `${path}?${params.toString()}`;
}

export function CsvLink({ page, href }: { page: PageContext; href: string }) {
  return (
    <a class="csv-link" href={href} download="" hx-boost="false" safe>
      {page.t('reports.csv')}
    </a>
  );
}

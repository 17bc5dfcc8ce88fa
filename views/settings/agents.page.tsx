import type { PageContext } from '../layout/page-context';
import type { MessageKey } from '../../src/i18n/translate';
import type { FieldErrors } from '../../src/platform/http/form-errors';
import type { AgentRoutingForm } from '../../src/teams/team-policy.schemas';
import { SettingsShell } from './settings-shell';
import { Notice } from './notice';

export interface AgentRowView {
  userId: string;
  name: string;
  status: 'online' | 'away' | 'offline';
  openCount: number;
  form: AgentRoutingForm;
  /** Supervisors see everyone but change only the people in their own teams. */
  editable: boolean;
  errors?: FieldErrors;
  saved?: boolean;
}

export interface AgentsPageView {
  rows: AgentRowView[];
  calendars: { id: string; name: string }[];
  notice?: string;
}

function FieldError({ page, id, error }: { page: PageContext; id: string; error?: string }) {
  return error ? (
    <span id={id} class="error" safe>
      {page.t(error as MessageKey)}
    </span>
  ) : (
    ''
  );
}

/** One agent's row; its own small form (inputs join it by the `form` attribute) re-renders just this row via htmx. */
export function AgentRow({ page, row, calendars }: { page: PageContext; row: AgentRowView; calendars: AgentsPageView['calendars'] }) {
  const formId = `agent-form-${row.userId}`;
  const errors = row.errors ?? {};
  const calendarName = calendars.find((c) => c.id === row.form.shiftCalendarId)?.name ?? page.t('routingPolicy.agents.shift.none');
  return (
    <tr id={`agent-${row.userId}`}>
      <th scope="row" dir="auto" safe>
        {row.name}
      </th>
      <td>
        <span class="agent-status">
          <span class={`presence-dot presence-${row.status}`} aria-hidden="true"></span>
          <span safe>{page.t(`live.presence.${row.status}`)}</span>
        </span>
      </td>
      <td safe>{page.format.number(row.openCount)}</td>
      {row.editable ? (
        <>
          <td>
            <input
              form={formId}
              name="capacity"
              type="number"
              min="0"
              max="100"
              value={row.form.capacity}
              placeholder={page.t('routingPolicy.agents.capacity.placeholder')}
              aria-label={page.t('routingPolicy.agents.capacity.label', { name: row.name })}
              aria-invalid={errors.capacity ? 'true' : undefined}
              class="input-narrow"
            />
            <FieldError page={page} id={`${formId}-capacity-error`} error={errors.capacity} />
          </td>
          <td>
            <input
              form={formId}
              name="skills"
              value={row.form.skills}
              dir="auto"
              placeholder={page.t('routingPolicy.agents.skills.placeholder')}
              aria-label={page.t('routingPolicy.agents.skills.label', { name: row.name })}
              aria-invalid={errors.skills ? 'true' : undefined}
            />
            <FieldError page={page} id={`${formId}-skills-error`} error={errors.skills} />
          </td>
          <td>
            <select form={formId} name="shiftCalendarId" aria-label={page.t('routingPolicy.agents.shift.label', { name: row.name })} aria-invalid={errors.shiftCalendarId ? 'true' : undefined}>
              <option value="" selected={row.form.shiftCalendarId === ''} safe>
                {page.t('routingPolicy.agents.shift.none')}
              </option>
              {calendars.map((calendar) => (
                <option value={calendar.id} selected={calendar.id === row.form.shiftCalendarId} safe>
                  {calendar.name}
                </option>
              ))}
            </select>
            <FieldError page={page} id={`${formId}-shift-error`} error={errors.shiftCalendarId} />
          </td>
          <td>
            <form id={formId} method="post" action={`/settings/agents/${row.userId}`} hx-post={`/settings/agents/${row.userId}`} hx-target={`#agent-${row.userId}`} hx-swap="outerHTML">
              <input type="hidden" name="_csrf" value={page.csrfToken} />
              <button type="submit" safe>
                {page.t('routingPolicy.agents.save')}
              </button>
            </form>
            {row.saved ? (
              <span class="hint" role="status" safe>
                {page.t('routingPolicy.agents.saved')}
              </span>
            ) : (
              ''
            )}
          </td>
        </>
      ) : (
        <>
          <td safe>{row.form.capacity || page.t('routingPolicy.agents.capacity.placeholder')}</td>
          <td dir="auto" safe>
            {row.form.skills}
          </td>
          <td safe>{calendarName}</td>
          <td class="hint" safe>
            {page.t('routingPolicy.agents.notYours')}
          </td>
        </>
      )}
    </tr>
  );
}

/** /settings/agents: every inbox user's status and load, and their capacity, skills and shift, editable per row. */
export function AgentsPage({ page, view }: { page: PageContext; view: AgentsPageView }) {
  const hasErrors = view.rows.some((row) => row.errors && Object.keys(row.errors).length > 0);
  return (
    <SettingsShell page={page} title={page.t('routingPolicy.agents.title')}>
      <h1 safe>{page.t('routingPolicy.agents.title')}</h1>
      <p class="hint" safe>
        {page.t('routingPolicy.agents.intro')}
      </p>
      <Notice ok={view.notice} error={hasErrors ? page.t('common.fixErrors') : undefined} />
      {view.rows.length === 0 ? (
        <p safe>{page.t('routingPolicy.agents.empty')}</p>
      ) : (
        <div class="table-scroll">
          <table class="agents-table">
            <thead>
              <tr>
                <th scope="col" safe>
                  {page.t('routingPolicy.agents.col.name')}
                </th>
                <th scope="col" safe>
                  {page.t('routingPolicy.agents.col.status')}
                </th>
                <th scope="col" safe>
                  {page.t('routingPolicy.agents.col.open')}
                </th>
                <th scope="col" safe>
                  {page.t('routingPolicy.agents.col.capacity')}
                </th>
                <th scope="col" safe>
                  {page.t('routingPolicy.agents.col.skills')}
                </th>
                <th scope="col" safe>
                  {page.t('routingPolicy.agents.col.shift')}
                </th>
                <th scope="col">
                  <span class="visually-hidden" safe>
                    {page.t('routingPolicy.agents.save')}
                  </span>
                </th>
              </tr>
            </thead>
            <tbody>
              {view.rows.map((row) => (
                <AgentRow page={page} row={row} calendars={view.calendars} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="hint" safe>
        {page.t('routingPolicy.agents.hint')}
      </p>
    </SettingsShell>
  );
}

import type { PageContext } from '../layout/page-context';
import type { MessageKey } from '../../src/i18n/translate';
import type { CalendarFormErrors, CalendarFormValues, HolidayRow, IntervalRow } from '../../src/business-hours/calendars/calendar-form';
import type { Weekday } from '../../src/business-hours/calendar';
import { SettingsShell } from './settings-shell';
import { CsrfField } from '../components/form-field';
import { Notice } from './notice';

export interface CalendarEditView {
  /** Undefined while creating. */
  id?: string;
  values: CalendarFormValues;
  errors: CalendarFormErrors;
  weekdays: readonly Weekday[];
  timeZones: string[];
  presets: readonly string[];
  maxIntervals: number;
  /** Which rows run past midnight, by `day_index`. */
  overnight: Record<string, boolean>;
}

const t = (page: PageContext, key: string, vars?: Record<string, string>) => page.t(key as MessageKey, vars);

/**
 * The calendar editor. Works without script: every button posts the whole form; besides Save they add or remove a row
 * or fill in a preset and the page comes back changed, with nothing stored yet.
 */
export function CalendarEditPage({ page, view }: { page: PageContext; view: CalendarEditView }) {
  const title = view.id ? view.values.name || page.t('calendars.edit') : page.t('calendars.new');
  const action = view.id ? `/settings/calendars/${view.id}` : '/settings/calendars';
  const { errors } = view;
  return (
    <SettingsShell page={page} title={title}>
      <p>
        <a href="/settings/calendars" safe>
          {page.t('calendars.back')}
        </a>
      </p>
      <h1 dir="auto" safe>
        {title}
      </h1>
      <Notice error={Object.keys(errors).length ? page.t('common.fixErrors') : undefined} />
      <form method="post" action={action} class="card calendar-form" novalidate>
        <CsrfField page={page} />
        {/* Enter in a field submits with the first button: make that Save, not a preset. */}
        <button type="submit" name="intent" value="save" class="visually-hidden" tabindex="-1" aria-hidden="true" safe>
          {page.t('common.save')}
        </button>
        <div class="field">
          <label for="field-name" safe>
            {page.t('calendars.field.name')}
          </label>
          <input id="field-name" type="text" name="name" value={view.values.name} dir="auto" maxlength="100" aria-invalid={errors.name ? 'true' : undefined} />
          <FieldError page={page} error={errors.name} />
        </div>
        <div class="field">
          <label for="field-timeZone" safe>
            {page.t('calendars.field.timeZone')}
          </label>
          <select id="field-timeZone" name="timeZone" dir="ltr" aria-invalid={errors.timeZone ? 'true' : undefined}>
            {(view.timeZones.includes(view.values.timeZone) ? view.timeZones : [view.values.timeZone, ...view.timeZones]).map((zone) => (
              <option value={zone} selected={zone === view.values.timeZone} safe>
                {zone}
              </option>
            ))}
          </select>
          <FieldError page={page} error={errors.timeZone} />
        </div>

        <h2 safe>{page.t('calendars.weekly.title')}</h2>
        <p class="muted" safe>
          {page.t('calendars.weekly.hint')}
        </p>
        <div class="actions">
          <span safe>{page.t('calendars.presets')}</span>
          {view.presets.map((preset) => (
            <button type="submit" name="intent" value={`preset:${preset}`} class="secondary" safe>
              {t(page, `calendars.preset.${preset}`)}
            </button>
          ))}
        </div>
        {view.weekdays.map((day) => (
          <fieldset class="calendar-day" id={`day-${day}`}>
            <legend safe>{t(page, `calendars.day.${day}`)}</legend>
            {view.values.weekly[day].length === 0 ? (
              <p class="muted" safe>
                {page.t('calendars.day.closed')}
              </p>
            ) : (
              view.values.weekly[day].map((row, index) => <IntervalFields page={page} day={day} index={index} row={row} errors={errors} overnight={view.overnight[`${day}_${index}`] ?? false} />)
            )}
            <FieldError page={page} error={errors[day]} />
            {view.values.weekly[day].length < view.maxIntervals ? (
              <button type="submit" name="intent" value={`add:${day}`} class="secondary" safe>
                {page.t('calendars.interval.add')}
              </button>
            ) : (
              ''
            )}
          </fieldset>
        ))}

        <h2 safe>{page.t('calendars.holidays.title')}</h2>
        <p class="muted" safe>
          {page.t('calendars.holidays.hint')}
        </p>
        {view.values.holidays.length === 0 ? (
          <p class="muted" safe>
            {page.t('calendars.holidays.empty')}
          </p>
        ) : (
          view.values.holidays.map((holiday, index) => <HolidayFields page={page} index={index} holiday={holiday} errors={errors} />)
        )}
        <FieldError page={page} error={errors.holidays} />
        <p>
          <button type="submit" name="intent" value="addHoliday" class="secondary" safe>
            {page.t('calendars.holiday.add')}
          </button>
        </p>
        <div class="actions">
          <button type="submit" name="intent" value="save" safe>
            {page.t('common.save')}
          </button>
          <a href="/settings/calendars" safe>
            {page.t('common.cancel')}
          </a>
        </div>
      </form>
      {view.id ? (
        <p>
          <a href={`/settings/calendars/${view.id}/delete`} class="button secondary" safe>
            {page.t('calendars.delete')}
          </a>
        </p>
      ) : (
        ''
      )}
    </SettingsShell>
  );
}

function IntervalFields({ page, day, index, row, errors, overnight }: { page: PageContext; day: Weekday; index: number; row: IntervalRow; errors: CalendarFormErrors; overnight: boolean }) {
  const name = `${day}_${index}`;
  const error = errors[`${name}_start`] ?? errors[`${name}_end`] ?? errors[name];
  return (
    <div class="inline-form calendar-interval">
      <label>
        <span safe>{page.t('calendars.interval.from')}</span>{' '}
        <input type="text" name={`${name}_start`} value={row.start} placeholder="09:00" inputmode="numeric" size="5" dir="ltr" aria-invalid={errors[`${name}_start`] || errors[name] ? 'true' : undefined} />
      </label>
      <label>
        <span safe>{page.t('calendars.interval.to')}</span>{' '}
        <input type="text" name={`${name}_end`} value={row.end} placeholder="17:00" inputmode="numeric" size="5" dir="ltr" aria-invalid={errors[`${name}_end`] || errors[name] ? 'true' : undefined} />
      </label>
      {overnight ? (
        <span class="badge" safe>
          {page.t('calendars.interval.overnight')}
        </span>
      ) : (
        ''
      )}
      <button type="submit" name="intent" value={`remove:${day}:${index}`} class="secondary" aria-label={page.t('calendars.interval.removeLabel', { from: row.start, to: row.end })} safe>
        {page.t('calendars.interval.remove')}
      </button>
      <FieldError page={page} error={error} />
    </div>
  );
}

function HolidayFields({ page, index, holiday, errors }: { page: PageContext; index: number; holiday: HolidayRow; errors: CalendarFormErrors }) {
  const name = `holiday_${index}`;
  const error = errors[`${name}_from`] ?? errors[`${name}_to`] ?? errors[`${name}_name`] ?? errors[`${name}_yearly`] ?? errors[name];
  return (
    <div class="inline-form calendar-holiday">
      <label>
        <span safe>{page.t('calendars.holiday.from')}</span>{' '}
        <input type="date" name={`${name}_from`} value={holiday.from} dir="ltr" aria-invalid={errors[`${name}_from`] ? 'true' : undefined} />
      </label>
      <label>
        <span safe>{page.t('calendars.holiday.to')}</span>{' '}
        <input type="date" name={`${name}_to`} value={holiday.to} dir="ltr" aria-invalid={errors[`${name}_to`] ? 'true' : undefined} />
      </label>
      <label>
        <input type="checkbox" name={`${name}_yearly`} value="1" checked={holiday.yearly} /> <span safe>{page.t('calendars.holiday.yearly')}</span>
      </label>
      <label>
        <span safe>{page.t('calendars.holiday.name')}</span>{' '}
        <input type="text" name={`${name}_name`} value={holiday.name} dir="auto" maxlength="100" aria-invalid={errors[`${name}_name`] ? 'true' : undefined} />
      </label>
      <button type="submit" name="intent" value={`removeHoliday:${index}`} class="secondary" safe>
        {page.t('calendars.holiday.remove')}
      </button>
      <FieldError page={page} error={error} />
    </div>
  );
}

const FieldError = ({ page, error }: { page: PageContext; error?: string }) =>
  error ? (
    <span class="error" safe>
      {page.t(error as MessageKey)}
    </span>
  ) : (
    ''
  );

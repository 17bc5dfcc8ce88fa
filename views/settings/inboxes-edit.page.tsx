import type { PageContext } from '../layout/page-context';
import type { Role } from '../../src/accounts/accounts.tables';
import { SettingsShell } from './settings-shell';
import { MembersCard } from '../components/members-card';
import { CsrfField, SelectField } from '../components/form-field';
import { Notice } from './notice';

export interface InboxAccessView {
  inbox: { id: string; name: string; privateMode: boolean; privateShowsQueue: boolean };
  members: { id: string; name: string; email: string; role: Role }[];
  /** Active agents and supervisors not yet members. */
  candidates: { id: string; name: string; email: string }[];
  memberError?: string;
  notice?: string;
  /** The business-hours calendar the inbox follows (null = always open) and the calendars to choose from. */
  calendar?: { current: string | null; choices: { id: string; name: string }[] };
  calendarError?: string;
}

/** One inbox: private mode, and who its members are. */
export function InboxAccessPage({ page, view }: { page: PageContext; view: InboxAccessView }) {
  const base = `/settings/inboxes/${view.inbox.id}`;
  return (
    <SettingsShell page={page} title={view.inbox.name}>
      <p>
        <a href="/settings/inboxes" safe>
          {page.t('inboxAccess.back')}
        </a>
      </p>
      <h1 dir="auto" safe>
        {view.inbox.name}
      </h1>
      <Notice ok={view.notice} />
      <h2 safe>{page.t('inboxAccess.settings.title')}</h2>
      <form method="post" action={`${base}/settings`} class="card">
        <CsrfField page={page} />
        <p>
          <label>
            <input type="checkbox" name="privateMode" value="1" checked={view.inbox.privateMode} />{' '}
            <span safe>{page.t('inboxAccess.settings.privateMode')}</span>
          </label>
        </p>
        <p>
          <label>
            <input type="checkbox" name="privateShowsQueue" value="1" checked={view.inbox.privateShowsQueue} />{' '}
            <span safe>{page.t('inboxAccess.settings.showsQueue')}</span>
          </label>
        </p>
        <button type="submit" safe>
          {page.t('common.save')}
        </button>
      </form>
      {view.calendar ? <InboxCalendarForm page={page} base={base} calendar={view.calendar} error={view.calendarError} /> : ''}
      <h2 safe>{page.t('inboxAccess.members.title')}</h2>
      <p class="muted" safe>
        {page.t('inboxAccess.members.note')}
      </p>
      <MembersCard
        page={page}
        base={base}
        members={view.members}
        candidates={view.candidates}
        error={view.memberError}
        labels={{ empty: 'inboxAccess.members.empty', remove: 'inboxAccess.members.remove', add: 'inboxAccess.members.add', allIn: 'inboxAccess.members.allIn' }}
      />
    </SettingsShell>
  );
}

/** Which business-hours calendar this inbox follows: out-of-hours replies and business-time SLAs read it. */
function InboxCalendarForm({ page, base, calendar, error }: { page: PageContext; base: string; calendar: NonNullable<InboxAccessView['calendar']>; error?: string }) {
  return (
    <>
      <h2 safe>{page.t('calendars.inbox.title')}</h2>
      <form method="post" action={`${base}/calendar`} class="card">
        <CsrfField page={page} />
        <SelectField
          page={page}
          name="calendarId"
          label="calendars.inbox.field"
          value={calendar.current ?? ''}
          error={error}
          options={[{ value: '', label: page.t('calendars.inbox.none') }, ...calendar.choices.map((c) => ({ value: c.id, label: c.name }))]}
        />
        <p class="hint" safe>
          {page.t('calendars.inbox.hint')}
        </p>
        <div class="actions">
          <button type="submit" safe>
            {page.t('common.save')}
          </button>
          <a href="/settings/calendars" safe>
            {page.t('calendars.inbox.manage')}
          </a>
        </div>
      </form>
    </>
  );
}

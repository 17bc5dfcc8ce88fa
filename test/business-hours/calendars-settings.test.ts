import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/test-app';
import type { TestClient } from '../support/test-client';
import { calendars } from '../../src/business-hours/calendars/calendars.tables';
import { findCalendarDefinition } from '../../src/business-hours/calendars/calendars.repository';
import { inboxes } from '../../src/conversations/conversations.tables';
import { auditLog } from '../../src/audit/audit.tables';
import { seedInbox } from '../conversations/inbox-fixtures';

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = createTestApp();
  admin = (await t.signedIn('admin')).client;
  await admin.load('/settings/calendars');
});
afterAll(() => t.cleanup());

let names = 0;
/** A valid form: Sunday to Thursday 09:00–17:00 in Riyadh, plus whatever the test adds. */
const form = (extra: Record<string, string> = {}): Record<string, string> => ({
  name: `Shop hours ${++names}`,
  timeZone: 'Asia/Riyadh',
  ...Object.fromEntries(['sunday', 'monday', 'tuesday', 'wednesday', 'thursday'].flatMap((day) => [[`${day}_0_start`, '09:00'], [`${day}_0_end`, '17:00']])),
  ...extra,
});

const byName = (name: string) => t.deps.db.select().from(calendars).where(eq(calendars.name, name)).get();
const count = () => t.deps.db.select().from(calendars).all().length;
const audits = (action: string, targetId: string) => t.deps.db.select().from(auditLog).where(eq(auditLog.targetId, targetId)).all().filter((row) => row.action === action);

async function create(extra: Record<string, string> = {}) {
  const values = form(extra);
  const response = await admin.post('/settings/calendars', values);
  expect(response.status).toBe(303);
  return byName(values.name)!;
}

describe('calendar settings', () => {
  test('creates a calendar with a Friday–Saturday weekend and audits it', async () => {
    const row = await create();
    const calendar = findCalendarDefinition(t.deps.db, row.id)!;
    expect(calendar.timeZone).toBe('Asia/Riyadh');
    expect(calendar.weekly.sunday).toEqual([{ start: '09:00', end: '17:00' }]);
    expect(calendar.weekly.friday).toEqual([]);
    expect(calendar.weekly.saturday).toEqual([]);
    expect(audits('calendar.created', row.id)).toHaveLength(1);
  });

  test('stores several intervals a day and an overnight shift, and lists it as overnight', async () => {
    const row = await create({ monday_1_start: '13:00', monday_1_end: '15:00', monday_0_end: '12:00', friday_0_start: '22:00', friday_0_end: '06:00' });
    const calendar = findCalendarDefinition(t.deps.db, row.id)!;
    expect(calendar.weekly.monday).toEqual([{ start: '09:00', end: '12:00' }, { start: '13:00', end: '15:00' }]);
    expect(calendar.weekly.friday).toEqual([{ start: '22:00', end: '06:00' }]);
    const html = await (await admin.get('/settings/calendars')).text();
    expect(html).toContain('Friday: 22:00–06:00 (overnight)');
    expect(html).toContain('Monday: 09:00–12:00, 13:00–15:00');
  });

  test('stores a single-day holiday, a yearly range and their names', async () => {
    const row = await create({
      holiday_0_from: '2026-03-20',
      holiday_0_to: '',
      holiday_0_name: 'Eid al-Fitr',
      holiday_1_from: '2026-09-23',
      holiday_1_to: '2026-09-24',
      holiday_1_yearly: '1',
      holiday_1_name: 'National Day',
    });
    expect(findCalendarDefinition(t.deps.db, row.id)!.holidays).toEqual([
      { from: '2026-03-20', to: '2026-03-20', yearly: false, name: 'Eid al-Fitr' },
      { from: '2026-09-23', to: '2026-09-24', yearly: true, name: 'National Day' },
    ]);
  });

  test('drops rows left blank instead of refusing them', async () => {
    const row = await create({ monday_1_start: '', monday_1_end: '', holiday_0_from: '', holiday_0_to: '', holiday_0_name: '' });
    const calendar = findCalendarDefinition(t.deps.db, row.id)!;
    expect(calendar.weekly.monday).toHaveLength(1);
    expect(calendar.holidays).toEqual([]);
  });

  test('shows whether each calendar is open now and when it opens next', async () => {
    // 2026-11-24 09:00 UTC (the fake clock) is Tuesday 12:00 in Riyadh: open. Nights-only is closed until 22:00.
    await create({ name: 'Day shift' });
    await create({ ...Object.fromEntries(['sunday', 'monday', 'tuesday', 'wednesday', 'thursday'].flatMap((d) => [[`${d}_0_start`, '22:00'], [`${d}_0_end`, '06:00']])), name: 'Night shift' });
    const html = await (await admin.get('/settings/calendars')).text();
    const rowOf = (name: string) => html.slice(html.indexOf(`>${name}<`), html.indexOf('</tr>', html.indexOf(`>${name}<`)));
    expect(rowOf('Day shift')).toContain('Open');
    expect(rowOf('Night shift')).toContain('We open again today at 22:00.');
  });

  test('edits a calendar in place and audits the change', async () => {
    const row = await create();
    await admin.load(`/settings/calendars/${row.id}`);
    const response = await admin.post(`/settings/calendars/${row.id}`, form({ name: row.name, timeZone: 'Africa/Cairo', sunday_0_start: '10:00' }));
    expect(response.status).toBe(303);
    const calendar = findCalendarDefinition(t.deps.db, row.id)!;
    expect(calendar.timeZone).toBe('Africa/Cairo');
    expect(calendar.weekly.sunday).toEqual([{ start: '10:00', end: '17:00' }]);
    expect(audits('calendar.updated', row.id)).toHaveLength(1);
  });

  test('the editor shows stored intervals, overnight marks and holidays', async () => {
    const row = await create({ friday_0_start: '22:00', friday_0_end: '06:00', holiday_0_from: '2026-12-31', holiday_0_name: 'New Year’s Eve' });
    const html = await admin.load(`/settings/calendars/${row.id}`);
    expect(html).toContain('name="friday_0_start" value="22:00"');
    expect(html).toContain('overnight');
    expect(html).toContain('value="New Year’s Eve"');
  });

  test('a new calendar starts in the business’s time zone', async () => {
    const html = await admin.load('/settings/calendars/new');
    expect(html).toMatch(/<option value="UTC" selected/);
  });
});

describe('calendar editor buttons (no script needed)', () => {
  test('add interval posts the form back with one more row and stores nothing', async () => {
    const before = count();
    const response = await admin.post('/settings/calendars', form({ intent: 'add:monday' }));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('name="monday_1_start" value=""');
    expect(html).toContain('name="monday_0_start" value="09:00"');
    expect(count()).toBe(before);
  });

  test('remove drops exactly that row', async () => {
    const html = await (await admin.post('/settings/calendars', form({ monday_1_start: '13:00', monday_1_end: '15:00', intent: 'remove:monday:0' }))).text();
    expect(html).toContain('name="monday_0_start" value="13:00"');
    expect(html).not.toContain('name="monday_1_start"');
  });

  test('the 24/7 preset fills every day with 00:00–24:00', async () => {
    const html = await (await admin.post('/settings/calendars', form({ intent: 'preset:always' }))).text();
    for (const day of ['sunday', 'friday', 'saturday']) expect(html).toContain(`name="${day}_0_end" value="24:00"`);
  });

  test('the Mon–Fri preset closes the weekend', async () => {
    const html = await (await admin.post('/settings/calendars', form({ intent: 'preset:mon-fri' }))).text();
    expect(html).toContain('name="friday_0_end" value="18:00"');
    expect(html).not.toContain('name="sunday_0_start"');
  });

  test('add holiday adds an empty holiday row', async () => {
    const html = await (await admin.post('/settings/calendars', form({ intent: 'addHoliday' }))).text();
    expect(html).toContain('name="holiday_0_from"');
  });
});

describe('refused calendars', () => {
  test.each([
    ['an overlap', { monday_1_start: '16:00', monday_1_end: '18:00' }, 'This interval overlaps another one.'],
    ['a time that is not HH:MM', { tuesday_0_start: '9am' }, 'Enter a time as HH:MM, from 00:00 to 23:59.'],
    ['an end past 24:00', { tuesday_0_end: '24:30' }, 'Enter a time as HH:MM, from 00:00 to 24:00.'],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'Choose a valid time zone, such as Asia/Riyadh.'],
    ['a holiday ending before it starts', { holiday_0_from: '2026-06-10', holiday_0_to: '2026-06-09' }, 'The last day of a holiday cannot come before its first day.'],
    ['a date that does not exist', { holiday_0_from: '2026-02-30' }, 'Enter a real date as YYYY-MM-DD.'],
    ['a missing name', { name: '' }, 'Enter a name for this calendar.'],
  ])('refuses %s with 422, the message beside the field, and stores nothing', async (_name, extra, message) => {
    const before = count();
    const response = await admin.post('/settings/calendars', form(extra));
    expect(response.status).toBe(422);
    expect(await response.text()).toContain(message);
    expect(count()).toBe(before);
  });

  test('refuses a name another calendar has, whatever its case', async () => {
    const row = await create();
    const response = await admin.post('/settings/calendars', form({ name: row.name.toUpperCase() }));
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Another calendar already has this name.');
  });

  test('a refused edit leaves the stored calendar as it was', async () => {
    const row = await create();
    const response = await admin.post(`/settings/calendars/${row.id}`, form({ name: row.name, monday_0_start: '25:00' }));
    expect(response.status).toBe(422);
    expect(findCalendarDefinition(t.deps.db, row.id)!.weekly.monday).toEqual([{ start: '09:00', end: '17:00' }]);
  });

  test('shows Arabic messages to an Arabic reader', async () => {
    const { client } = await t.signedIn('admin');
    await client.post('/locale', { locale: 'ar' });
    await client.load('/settings/calendars/new');
    const response = await client.post('/settings/calendars', form({ tuesday_0_start: '9am' }));
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('أدخل الوقت بالصيغة HH:MM');
  });

  test('answers 404 for a calendar that does not exist', async () => {
    expect((await admin.get('/settings/calendars/cal_missing')).status).toBe(404);
  });
});

describe('deleting and assigning calendars', () => {
  test('the delete confirm names the inbox that will fall back to always open', async () => {
    const row = await create();
    const { inboxId } = seedInbox(t, 'Support line');
    t.deps.db.update(inboxes).set({ calendarId: row.id }).where(eq(inboxes.id, inboxId)).run();
    const html = await admin.load(`/settings/calendars/${row.id}/delete`);
    expect(html).toContain('Inbox Support line');
    expect(html).toContain('treated as always open');
  });

  test('deletes a calendar in use: the inbox falls back to no calendar, and it is audited', async () => {
    const row = await create();
    const { inboxId } = seedInbox(t, 'Deleted hours line');
    t.deps.db.update(inboxes).set({ calendarId: row.id }).where(eq(inboxes.id, inboxId)).run();
    const response = await admin.post(`/settings/calendars/${row.id}/delete`);
    expect(response.status).toBe(303);
    expect(byName(row.name)).toBeUndefined();
    expect(t.deps.db.select().from(inboxes).where(eq(inboxes.id, inboxId)).get()!.calendarId).toBeNull();
    expect(audits('calendar.deleted', row.id)).toHaveLength(1);
  });

  test('an admin assigns a calendar to an inbox from its settings page, audited', async () => {
    const row = await create();
    const { inboxId } = seedInbox(t, 'Assigned line');
    const page = await admin.load(`/settings/inboxes/${inboxId}`);
    expect(page).toContain(`<option value="${row.id}">`);
    expect((await admin.post(`/settings/inboxes/${inboxId}/calendar`, { calendarId: row.id })).status).toBe(303);
    expect(t.deps.db.select().from(inboxes).where(eq(inboxes.id, inboxId)).get()!.calendarId).toBe(row.id);
    expect(audits('inbox.calendar_changed', inboxId)).toHaveLength(1);
    expect(await admin.load(`/settings/inboxes/${inboxId}`)).toContain(`<option value="${row.id}" selected`);
    expect((await admin.post(`/settings/inboxes/${inboxId}/calendar`, { calendarId: '' })).status).toBe(303);
    expect(t.deps.db.select().from(inboxes).where(eq(inboxes.id, inboxId)).get()!.calendarId).toBeNull();
  });

  test('refuses an unknown calendar for an inbox with 422 and keeps the old one', async () => {
    const { inboxId } = seedInbox(t, 'Refused line');
    await admin.load(`/settings/inboxes/${inboxId}`);
    const response = await admin.post(`/settings/inboxes/${inboxId}/calendar`, { calendarId: 'cal_nope' });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Choose one of the calendars.');
    expect(t.deps.db.select().from(inboxes).where(eq(inboxes.id, inboxId)).get()!.calendarId).toBeNull();
  });
});

describe('access', () => {
  for (const role of ['supervisor', 'agent', 'analyst'] as const) {
    test(`refuses a ${role} every calendar route with 403 and stores nothing`, async () => {
      const row = await create();
      const { client } = await t.signedIn(role);
      await client.load('/settings/profile');
      const before = count();
      const paths: [string, string][] = [
        ['GET', '/settings/calendars'],
        ['GET', '/settings/calendars/new'],
        ['POST', '/settings/calendars'],
        ['GET', `/settings/calendars/${row.id}`],
        ['POST', `/settings/calendars/${row.id}`],
        ['GET', `/settings/calendars/${row.id}/delete`],
        ['POST', `/settings/calendars/${row.id}/delete`],
      ];
      const statuses = await Promise.all(paths.map(async ([method, path]) => (method === 'GET' ? client.get(path) : client.post(path, form())).then((r) => r.status)));
      expect(statuses).toEqual(paths.map(() => 403));
      expect(count()).toBe(before);
    });
  }

  test('shows the settings link to admins only', async () => {
    expect(await admin.load('/settings/profile')).toContain('href="/settings/calendars"');
    const { client } = await t.signedIn('supervisor');
    expect(await client.load('/settings/profile')).not.toContain('href="/settings/calendars"');
  });
});

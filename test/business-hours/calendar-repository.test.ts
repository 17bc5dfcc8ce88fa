import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/test-app';
import { calendars } from '../../src/business-hours/calendars/calendars.tables';
import { findCalendarDefinition, listCalendarChoices } from '../../src/business-hours/calendars/calendars.repository';
import { calendarForInbox, calendarUsage } from '../../src/conversations/inbox-calendar';
import { createTeam } from '../../src/teams/create-team';
import { agentRouting, teamPolicies } from '../../src/teams/team-policies.tables';
import { inboxes } from '../../src/conversations/conversations.tables';
import { isOpenAt } from '../../src/business-hours/business-hours';
import { seedInbox } from '../conversations/inbox-fixtures';
import { at, riyadhOffice } from './fixtures';

let t: TestApp;
beforeAll(() => {
  t = createTestApp();
});
afterAll(() => t.cleanup());

function store(name: string, definition: string) {
  const id = t.deps.newId('cal');
  const now = t.clock.now();
  t.deps.db.insert(calendars).values({ id, name, definition, createdAt: now, updatedAt: now }).run();
  return id;
}

describe('stored calendars', () => {
  test('reads a stored definition back as a calendar the pure rules answer on', () => {
    const id = store('Office', JSON.stringify(riyadhOffice));
    const calendar = findCalendarDefinition(t.deps.db, id)!;
    expect(calendar).toEqual(riyadhOffice);
    expect(isOpenAt(calendar, at('2025-06-08T10:00:00+03:00'))).toBe(true);
    expect(isOpenAt(calendar, at('2025-06-06T10:00:00+03:00'))).toBe(false);
  });

  test('answers undefined for a missing id, no id, broken JSON and a definition the schema refuses', () => {
    const broken = store('Broken', '{not json');
    const invalid = store('Invalid', JSON.stringify({ ...riyadhOffice, timeZone: 'Mars/Olympus' }));
    expect(findCalendarDefinition(t.deps.db, 'cal_missing')).toBeUndefined();
    expect(findCalendarDefinition(t.deps.db, null)).toBeUndefined();
    expect(findCalendarDefinition(t.deps.db, broken)).toBeUndefined();
    expect(findCalendarDefinition(t.deps.db, invalid)).toBeUndefined();
  });

  test('lists calendar choices by name with their ids', () => {
    const local = createTestApp();
    try {
      const now = local.clock.now();
      for (const name of ['Night shift', 'Day shift', 'Ramadan hours']) local.deps.db.insert(calendars).values({ id: `cal_${name.length}${name[0]}`, name, definition: JSON.stringify(riyadhOffice), createdAt: now, updatedAt: now }).run();
      expect(listCalendarChoices(local.deps.db).map((c) => c.name)).toEqual(['Day shift', 'Night shift', 'Ramadan hours']);
      expect(listCalendarChoices(local.deps.db)[0]).toEqual({ id: 'cal_9D', name: 'Day shift' });
    } finally {
      local.cleanup();
    }
  });
});

describe('an inbox’s calendar', () => {
  test('is the calendar the inbox points at', () => {
    const id = store('Inbox hours', JSON.stringify(riyadhOffice));
    const { inboxId } = seedInbox(t, 'With hours');
    t.deps.db.update(inboxes).set({ calendarId: id }).where(eq(inboxes.id, inboxId)).run();
    expect(calendarForInbox(t.deps.db, inboxId)).toEqual(riyadhOffice);
  });

  test('is undefined (always open) for an inbox without one, an unknown inbox, and after its calendar is deleted', () => {
    const id = store('Short-lived', JSON.stringify(riyadhOffice));
    const { inboxId } = seedInbox(t, 'Hours deleted');
    t.deps.db.update(inboxes).set({ calendarId: id }).where(eq(inboxes.id, inboxId)).run();
    t.deps.db.delete(calendars).where(eq(calendars.id, id)).run();
    expect(calendarForInbox(t.deps.db, inboxId)).toBeUndefined();
    expect(calendarForInbox(t.deps.db, seedInbox(t, 'No hours').inboxId)).toBeUndefined();
    expect(calendarForInbox(t.deps.db, 'inb_missing')).toBeUndefined();
  });
});

describe('who follows a calendar', () => {
  test('names the inboxes and teams and counts the agents’ shifts that use it', async () => {
    const id = store('Shared hours', JSON.stringify(riyadhOffice));
    const { inboxId } = seedInbox(t, 'Billing line');
    t.deps.db.update(inboxes).set({ calendarId: id }).where(eq(inboxes.id, inboxId)).run();
    const { teamId } = createTeam({ name: 'Night team', description: '' }, { actor: { id: null, label: 'test' }, role: 'admin' }, t.deps);
    const now = t.clock.now();
    t.deps.db.insert(teamPolicies).values({ teamId, calendarId: id, updatedAt: now }).run();
    const { userId } = await t.signedIn('agent');
    t.deps.db.insert(agentRouting).values({ userId, shiftCalendarId: id, updatedAt: now }).run();
    expect(calendarUsage(t.deps.db, id)).toEqual({ inboxes: ['Billing line'], teams: ['Night team'], agents: 1 });
    expect(calendarUsage(t.deps.db, store('Unused hours', JSON.stringify(riyadhOffice)))).toEqual({ inboxes: [], teams: [], agents: 0 });
  });
});

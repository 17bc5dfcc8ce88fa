import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { eq, gt } from 'drizzle-orm';
import { getTableColumns } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/test-app';
import { auditLog } from '../../src/audit/audit.tables';
import { domainEvents } from '../../src/platform/events/events.tables';
import { teamPolicies } from '../../src/teams/team-policies.tables';
import { calendars } from '../../src/business-hours/calendars/calendars.tables';
import { createTeam } from '../../src/teams/create-team';
import { addTeamMember } from '../../src/teams/change-team-members';
import { findTeamPolicy, TEAM_POLICY_DEFAULTS } from '../../src/teams/team-policies.repository';
import { DEFAULT_NOTICES } from '../../src/teams/team-notices';
import { DEFAULT_TEAM_POLICY } from '../../src/assignment/assignment-policy';
import { latestEventId } from '../../src/platform/events/event-store';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.cleanup());

const admin = { actor: { id: null, label: 'test' }, role: 'admin' as const };
const newTeam = (name = 'Support') => createTeam({ name, description: '' }, admin, t.deps).teamId;
const policyRow = (teamId: string) => t.deps.db.select().from(teamPolicies).where(eq(teamPolicies.teamId, teamId)).get();
const auditActions = () => t.deps.db.select().from(auditLog).all().map((row) => row.action);
const eventsAfter = (id: number) =>
  t.deps.db
    .select()
    .from(domainEvents)
    .where(gt(domainEvents.id, id))
    .all()
    .map((row) => ({ type: row.type, payload: JSON.parse(row.payload) }));

function seedCalendar(name: string) {
  const id = t.deps.newId('cal');
  const now = t.clock.now();
  t.deps.db.insert(calendars).values({ id, name, definition: '{}', createdAt: now, updatedAt: now }).run();
  return id;
}

/** Everything the Assignment card sends when nothing is touched except what `changes` says. */
const validForm = (changes: Record<string, string> = {}): Record<string, string> => ({
  strategy: 'least_open',
  onlyOnline: 'on',
  defaultCapacity: '8',
  stickyEnabled: 'on',
  stickyDays: '14',
  vipToOwner: '',
  calendarId: '',
  assignedEnabled: 'on',
  assignedEn: DEFAULT_NOTICES.assigned.en,
  assignedAr: DEFAULT_NOTICES.assigned.ar,
  queuedEnabled: '',
  queuedEn: DEFAULT_NOTICES.queued.en,
  queuedAr: DEFAULT_NOTICES.queued.ar,
  ...changes,
});

async function adminOnTeamPage(teamId: string) {
  const { client } = await t.signedIn('admin');
  await client.load(`/settings/teams/${teamId}`);
  return client;
}

describe('policy defaults', () => {
  test('the defaults teams spells equal assignment’s DEFAULT_TEAM_POLICY', () => {
    expect(TEAM_POLICY_DEFAULTS).toEqual(DEFAULT_TEAM_POLICY);
  });

  test('the defaults teams spells equal the team_policies column defaults', () => {
    const columns = getTableColumns(teamPolicies);
    expect({
      strategy: columns.strategy.default,
      onlyOnline: columns.onlyOnline.default,
      defaultCapacity: columns.defaultCapacity.default,
      sticky: { enabled: columns.stickyEnabled.default, days: columns.stickyDays.default },
      vipToOwner: columns.vipToOwner.default,
    }).toEqual(TEAM_POLICY_DEFAULTS);
  });

  test('a team without a stored policy reads the defaults with both notices off', () => {
    const policy = findTeamPolicy(t.deps.db, newTeam());
    expect(policy).toMatchObject({ ...TEAM_POLICY_DEFAULTS, calendarId: null });
    expect(policy.notices.assigned).toEqual(DEFAULT_NOTICES.assigned);
    expect(policy.notices.queued.enabled).toBe(false);
  });

  test('an unreadable notices column counts as the built-in texts, switched off', () => {
    const teamId = newTeam();
    t.deps.db.insert(teamPolicies).values({ teamId, notices: 'not json', updatedAt: 1 }).run();
    expect(findTeamPolicy(t.deps.db, teamId).notices).toEqual(DEFAULT_NOTICES);
  });
});

describe('the Assignment card', () => {
  test('shows the strategies with their explanations and the default notice texts', async () => {
    const teamId = newTeam();
    const client = await adminOnTeamPage(teamId);
    const html = await client.load(`/settings/teams/${teamId}`);
    expect(html).toContain('Takes turns: each new conversation goes to the next available agent in order.');
    expect(html).toContain('Nobody is assigned automatically');
    expect(html).toMatch(/<input type="radio" name="strategy" value="round_robin" checked/);
    expect(html).toContain('You&#x27;re now chatting with {agent}; we usually reply within {eta}.');
    expect(html).toContain('أنت الآن تتحدث مع {agent}');
  });

  test('lists the stored calendars to choose from', async () => {
    seedCalendar('Night shift');
    const teamId = newTeam();
    const client = await adminOnTeamPage(teamId);
    expect(await client.load(`/settings/teams/${teamId}`)).toContain('>Night shift</option>');
  });

  test('renders the card in Arabic for an Arabic-speaking manager', async () => {
    const teamId = newTeam();
    const client = await adminOnTeamPage(teamId);
    await client.post('/locale', { locale: 'ar' });
    expect(await client.load(`/settings/teams/${teamId}`)).toContain('بالتناوب');
  });
});

describe('saving the policy', () => {
  test('stores the policy, records it in the audit log and tells the queue', async () => {
    const teamId = newTeam();
    const calendarId = seedCalendar('Shop hours');
    const client = await adminOnTeamPage(teamId);
    const before = latestEventId(t.deps.db);
    const response = await client.post(`/settings/teams/${teamId}/assignment`, validForm({ calendarId }));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/settings/teams/${teamId}?saved=assignment#assignment`);
    const policy = findTeamPolicy(t.deps.db, teamId);
    expect(policy).toMatchObject({ strategy: 'least_open', onlyOnline: true, defaultCapacity: 8, sticky: { enabled: true, days: 14 }, vipToOwner: false, calendarId });
    expect(policy.notices.assigned.enabled).toBe(true);
    expect(policy.notices.queued.enabled).toBe(false);
    expect(auditActions()).toContain('team.policy_changed');
    expect(eventsAfter(before)).toEqual([{ type: 'routing.capacity_changed', payload: { teamId } }]);
  });

  test('says it was saved when the page comes back', async () => {
    const teamId = newTeam();
    const client = await adminOnTeamPage(teamId);
    await client.post(`/settings/teams/${teamId}/assignment`, validForm());
    expect(await client.load(`/settings/teams/${teamId}?saved=assignment`)).toContain('Assignment settings saved.');
  });

  test('saving the same settings again changes nothing and appends nothing', async () => {
    const teamId = newTeam();
    const client = await adminOnTeamPage(teamId);
    await client.post(`/settings/teams/${teamId}/assignment`, validForm());
    const audits = auditActions().length;
    const before = latestEventId(t.deps.db);
    await client.post(`/settings/teams/${teamId}/assignment`, validForm());
    expect(auditActions()).toHaveLength(audits);
    expect(eventsAfter(before)).toEqual([]);
  });

  test('keeps the round-robin rotation the assignment worker stored', async () => {
    const teamId = newTeam();
    t.deps.db.insert(teamPolicies).values({ teamId, rotationLastAgentId: 'usr_last', updatedAt: 1 }).run();
    const client = await adminOnTeamPage(teamId);
    await client.post(`/settings/teams/${teamId}/assignment`, validForm());
    expect(policyRow(teamId)?.rotationLastAgentId).toBe('usr_last');
  });

  test('unticked boxes switch the options off', async () => {
    const teamId = newTeam();
    const client = await adminOnTeamPage(teamId);
    await client.post(`/settings/teams/${teamId}/assignment`, validForm({ onlyOnline: '', stickyEnabled: '', assignedEnabled: '' }));
    expect(findTeamPolicy(t.deps.db, teamId)).toMatchObject({ onlyOnline: false, sticky: { enabled: false, days: 14 } });
    expect(findTeamPolicy(t.deps.db, teamId).notices.assigned.enabled).toBe(false);
  });
});

describe('refusing bad policy input', () => {
  const cases: [string, Record<string, string>, string][] = [
    ['a default capacity of 0', { defaultCapacity: '0' }, 'Enter a whole number from 1 to 100.'],
    ['a default capacity that is not a number', { defaultCapacity: 'five' }, 'Enter a whole number from 1 to 100.'],
    ['sticky days past a year', { stickyDays: '400' }, 'Enter a whole number of days from 1 to 365.'],
    ['an unknown strategy', { strategy: 'random' }, 'Choose round robin, least open or manual.'],
    ['a notice that is on without its Arabic text', { assignedAr: '  ' }, 'Write this text, or switch the notice off.'],
    ['{position} in the assigned notice', { assignedEn: 'You are number {position}' }, 'Only {agent} and {eta} can be used here.'],
    ['{agent} in the queued notice', { queuedEn: 'Wait for {agent}' }, 'Only {position} and {eta} can be used here.'],
    ['a notice longer than 256 characters', { queuedAr: 'ا'.repeat(257) }, 'Keep the notice to 256 characters or fewer.'],
    ['a calendar that does not exist', { calendarId: 'cal_gone' }, 'That calendar no longer exists.'],
  ];
  for (const [what, changes, message] of cases) {
    test(`refuses ${what} with 422 and stores nothing`, async () => {
      const teamId = newTeam();
      const client = await adminOnTeamPage(teamId);
      const before = latestEventId(t.deps.db);
      const response = await client.post(`/settings/teams/${teamId}/assignment`, validForm(changes));
      expect(response.status).toBe(422);
      const html = await response.text();
      expect(html).toContain(Bun.escapeHTML(message));
      expect(html).toContain('Please correct the highlighted fields.');
      expect(policyRow(teamId)).toBeUndefined();
      expect(auditActions()).not.toContain('team.policy_changed');
      expect(eventsAfter(before)).toEqual([]);
    });
  }

  test('keeps what was typed when it refuses the form', async () => {
    const teamId = newTeam();
    const client = await adminOnTeamPage(teamId);
    const response = await client.post(`/settings/teams/${teamId}/assignment`, validForm({ defaultCapacity: '0', queuedEn: 'Hold on, number {position}' }));
    const html = await response.text();
    expect(html).toContain('Hold on, number {position}');
    expect(html).toMatch(/name="defaultCapacity" type="number" value="0"/);
  });
});

describe('who may change a team’s policy', () => {
  for (const role of ['agent', 'analyst'] as const) {
    test(`refuses an ${role} with 403`, async () => {
      const teamId = newTeam();
      const { client } = await t.signedIn(role);
      await client.load('/settings/profile');
      const response = await client.post(`/settings/teams/${teamId}/assignment`, validForm());
      expect(response.status).toBe(403);
      expect(policyRow(teamId)).toBeUndefined();
    });
  }

  test('refuses a supervisor outside the team with 403 and stores nothing', async () => {
    const teamId = newTeam();
    const { client } = await t.signedIn('supervisor');
    await client.load('/settings/profile');
    const response = await client.post(`/settings/teams/${teamId}/assignment`, validForm());
    expect(response.status).toBe(403);
    expect(policyRow(teamId)).toBeUndefined();
    expect(auditActions()).not.toContain('team.policy_changed');
  });

  test('lets a supervisor change the policy of a team they belong to', async () => {
    const teamId = newTeam();
    const { client, userId } = await t.signedIn('supervisor');
    addTeamMember({ teamId, userId }, admin, t.deps);
    await client.load(`/settings/teams/${teamId}`);
    const response = await client.post(`/settings/teams/${teamId}/assignment`, validForm());
    expect(response.status).toBe(303);
    expect(findTeamPolicy(t.deps.db, teamId).strategy).toBe('least_open');
  });

  test('refuses the notice preview to a supervisor outside the team', async () => {
    const teamId = newTeam();
    const { client } = await t.signedIn('supervisor');
    await client.load('/settings/profile');
    const response = await client.post(`/settings/teams/${teamId}/assignment/preview?field=assignedEn`, { assignedEn: 'Hi' }, { htmx: true });
    expect(response.status).toBe(403);
  });
});

describe('the notice preview', () => {
  test('fills the variables with sample values, the manager playing the agent', async () => {
    const teamId = newTeam();
    const { client } = await t.signedIn('admin', { name: 'Huda' });
    await client.load(`/settings/teams/${teamId}`);
    const response = await client.post(`/settings/teams/${teamId}/assignment/preview?field=assignedEn`, { assignedEn: 'Hi, {agent} here; back within {eta}.' }, { htmx: true });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Hi, Huda here; back within 5 minutes.');
    expect(html).toContain('36 of 256 characters');
  });

  test('previews the Arabic text right to left with Arabic units', async () => {
    const teamId = newTeam();
    const client = await adminOnTeamPage(teamId);
    const response = await client.post(`/settings/teams/${teamId}/assignment/preview?field=queuedAr`, { queuedAr: 'ترتيبك {position}، نحو {eta} دقيقة' }, { htmx: true });
    const html = await response.text();
    expect(html).toContain('dir="rtl"');
    expect(html).toContain('ترتيبك 3، نحو 12 دقيقة');
  });

  test('warns past 150 characters', async () => {
    const teamId = newTeam();
    const client = await adminOnTeamPage(teamId);
    const response = await client.post(`/settings/teams/${teamId}/assignment/preview?field=queuedEn`, { queuedEn: 'a'.repeat(151) }, { htmx: true });
    const html = await response.text();
    expect(html).toContain('class="notice-count warn"');
    expect(html).toContain('long notices are easy to skip on a phone');
  });

  test('says when the text is too long to save', async () => {
    const teamId = newTeam();
    const client = await adminOnTeamPage(teamId);
    const response = await client.post(`/settings/teams/${teamId}/assignment/preview?field=queuedEn`, { queuedEn: 'a'.repeat(257) }, { htmx: true });
    expect(await response.text()).toContain('class="notice-count over"');
  });

  test('escapes what is typed', async () => {
    const teamId = newTeam();
    const client = await adminOnTeamPage(teamId);
    const response = await client.post(`/settings/teams/${teamId}/assignment/preview?field=assignedEn`, { assignedEn: '<img src=x onerror=alert(1)>' }, { htmx: true });
    const html = await response.text();
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x');
  });
});

import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/test-app';
import { teams, teamMembers } from '../../src/teams/teams.tables';
import { auditLog } from '../../src/audit/audit.tables';
import { createTeam } from '../../src/teams/create-team';
import { addTeamMember } from '../../src/teams/change-team-members';
import { isTeamMember } from '../../src/teams/teams.repository';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.cleanup());

const admin = { actor: { id: null, label: 'test' }, role: 'admin' as const };
const auditActions = () => t.deps.db.select().from(auditLog).all().map((row) => row.action);
const teamNamed = (name: string) => t.deps.db.select().from(teams).where(eq(teams.name, name)).get();

describe('creating teams', () => {
  test('creates a team and opens its page', async () => {
    const { client } = await t.signedIn('admin');
    await client.load('/settings/teams');
    const response = await client.post('/settings/teams', { name: 'Sales', description: 'Leads and quotes' });
    expect(response.status).toBe(303);
    const team = teamNamed('Sales');
    expect(team?.description).toBe('Leads and quotes');
    expect(response.headers.get('location')).toBe(`/settings/teams/${team!.id}`);
    expect(auditActions()).toContain('team.created');
  });

  test('refuses a name another team has, whatever its case, with 422', async () => {
    createTeam({ name: 'Sales', description: '' }, admin, t.deps);
    const { client } = await t.signedIn('admin');
    await client.load('/settings/teams');
    const response = await client.post('/settings/teams', { name: 'sales', description: '' });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Another team already has this name.');
    expect(t.deps.db.select().from(teams).all()).toHaveLength(1);
  });

  test('refuses an empty name with 422', async () => {
    const { client } = await t.signedIn('admin');
    await client.load('/settings/teams');
    const response = await client.post('/settings/teams', { name: '   ', description: '' });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Enter a team name.');
    expect(t.deps.db.select().from(teams).all()).toEqual([]);
  });

  test('makes a supervisor a member of the team they create', async () => {
    const { client, userId } = await t.signedIn('supervisor');
    await client.load('/settings/teams');
    await client.post('/settings/teams', { name: 'Support', description: '' });
    expect(isTeamMember(t.deps.db, teamNamed('Support')!.id, userId)).toBe(true);
  });

  test('lists teams with their member counts', async () => {
    const { client } = await t.signedIn('admin');
    const agent = await t.signedIn('agent');
    const { teamId } = createTeam({ name: 'Sales', description: '' }, admin, t.deps);
    addTeamMember({ teamId, userId: agent.userId }, admin, t.deps);
    const html = await client.load('/settings/teams');
    expect(html).toMatch(/<td dir="auto">Sales<\/td><td class="muted" dir="auto"><\/td><td>1<\/td>/);
  });
});

describe('editing teams', () => {
  test('renames a team and records the change', async () => {
    const { teamId } = createTeam({ name: 'Sales', description: '' }, admin, t.deps);
    const { client } = await t.signedIn('admin');
    await client.load(`/settings/teams/${teamId}`);
    const response = await client.post(`/settings/teams/${teamId}`, { name: 'Sales KSA', description: 'Riyadh office' });
    expect(response.headers.get('location')).toBe(`/settings/teams/${teamId}?saved=1`);
    expect(teamNamed('Sales KSA')?.description).toBe('Riyadh office');
    expect(auditActions()).toContain('team.updated');
  });

  test('refuses renaming a team to another team’s name', async () => {
    createTeam({ name: 'Sales', description: '' }, admin, t.deps);
    const { teamId } = createTeam({ name: 'Support', description: '' }, admin, t.deps);
    const { client } = await t.signedIn('admin');
    await client.load(`/settings/teams/${teamId}`);
    const response = await client.post(`/settings/teams/${teamId}`, { name: 'SALES', description: '' });
    expect(response.status).toBe(422);
    expect(teamNamed('Support')).toBeDefined();
  });

  test('lets an admin delete a team, keeping its members’ accounts', async () => {
    const agent = await t.signedIn('agent');
    const { teamId } = createTeam({ name: 'Sales', description: '' }, admin, t.deps);
    addTeamMember({ teamId, userId: agent.userId }, admin, t.deps);
    const { client } = await t.signedIn('admin');
    await client.load(`/settings/teams/${teamId}`);
    const response = await client.post(`/settings/teams/${teamId}/delete`);
    expect(response.headers.get('location')).toBe('/settings/teams?deleted=1');
    expect(t.deps.db.select().from(teams).all()).toEqual([]);
    expect(t.deps.db.select().from(teamMembers).all()).toEqual([]);
    expect((await agent.client.get('/conversations')).status).toBe(200);
    expect(auditActions()).toContain('team.deleted');
  });
});

describe('team members', () => {
  test('adds and removes a member, auditing both', async () => {
    const { teamId } = createTeam({ name: 'Sales', description: '' }, admin, t.deps);
    const agent = await t.signedIn('agent', { name: 'Sami' });
    const { client } = await t.signedIn('admin');
    expect(await client.load(`/settings/teams/${teamId}`)).toContain(`<option value="${agent.userId}">Sami (${agent.email})</option>`);
    const added = await client.post(`/settings/teams/${teamId}/members`, { userId: agent.userId });
    expect(added.status).toBe(303);
    expect(isTeamMember(t.deps.db, teamId, agent.userId)).toBe(true);
    await client.post(`/settings/teams/${teamId}/members/${agent.userId}/remove`);
    expect(isTeamMember(t.deps.db, teamId, agent.userId)).toBe(false);
    expect(auditActions()).toEqual(expect.arrayContaining(['team.member_added', 'team.member_removed']));
  });

  test('refuses to add someone who does not exist with 422', async () => {
    const { teamId } = createTeam({ name: 'Sales', description: '' }, admin, t.deps);
    const { client } = await t.signedIn('admin');
    await client.load(`/settings/teams/${teamId}`);
    const response = await client.post(`/settings/teams/${teamId}/members`, { userId: 'usr_ghost' });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Choose an active person from the list.');
    expect(t.deps.db.select().from(teamMembers).all()).toEqual([]);
  });

  test('lets a supervisor add members to a team they belong to', async () => {
    const supervisor = await t.signedIn('supervisor');
    const agent = await t.signedIn('agent');
    const { teamId } = createTeam({ name: 'Sales', description: '' }, admin, t.deps);
    addTeamMember({ teamId, userId: supervisor.userId }, admin, t.deps);
    await supervisor.client.load(`/settings/teams/${teamId}`);
    expect((await supervisor.client.post(`/settings/teams/${teamId}/members`, { userId: agent.userId })).status).toBe(303);
    expect(isTeamMember(t.deps.db, teamId, agent.userId)).toBe(true);
  });
});

describe('supervisors and teams they are not in', () => {
  test('refuses to show, rename or change the members of the team', async () => {
    const supervisor = await t.signedIn('supervisor');
    const agent = await t.signedIn('agent');
    const { teamId } = createTeam({ name: 'Sales', description: '' }, admin, t.deps);
    const list = await supervisor.client.load('/settings/teams');
    expect(list).toContain('Sales');
    expect(list).not.toContain(`href="/settings/teams/${teamId}"`);
    expect((await supervisor.client.get(`/settings/teams/${teamId}`)).status).toBe(403);
    expect((await supervisor.client.post(`/settings/teams/${teamId}`, { name: 'Mine now', description: '' })).status).toBe(403);
    expect((await supervisor.client.post(`/settings/teams/${teamId}/members`, { userId: agent.userId })).status).toBe(403);
    expect(teamNamed('Sales')).toBeDefined();
    expect(t.deps.db.select().from(teamMembers).all()).toEqual([]);
  });

  test('refuses a supervisor deleting even a team they belong to', async () => {
    const supervisor = await t.signedIn('supervisor');
    const { teamId } = createTeam({ name: 'Sales', description: '' }, admin, t.deps);
    addTeamMember({ teamId, userId: supervisor.userId }, admin, t.deps);
    await supervisor.client.load(`/settings/teams/${teamId}`);
    expect((await supervisor.client.post(`/settings/teams/${teamId}/delete`)).status).toBe(403);
    expect(teamNamed('Sales')).toBeDefined();
  });
});

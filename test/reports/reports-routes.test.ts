import { afterAll, beforeAll, describe, expect, test, setDefaultTimeout } from 'bun:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/test-app';
import { seedReportData } from './report-fixtures';
import { users } from '../../src/accounts/accounts.tables';
import { conversations } from '../../src/conversations/conversations.tables';
import { teams } from '../../src/teams/teams.tables';

// Signing users in hashes passwords: slow on a busy machine.
setDefaultTimeout(30_000);

let t: TestApp;
let seeded: Awaited<ReturnType<typeof seedReportData>>;
const RANGE = 'from=2026-11-24&to=2026-11-25';

beforeAll(async () => {
  t = createTestApp();
  seeded = await seedReportData(t);
  t.clock.set(Date.UTC(2026, 10, 25, 23, 0, 0));
}, 30_000);
afterAll(() => t.cleanup());

describe('access', () => {
  test('refuses the reports to an agent', async () => {
    const { client } = await t.signedIn('agent');
    expect((await client.get(`/reports?${RANGE}`)).status).toBe(403);
  });

  test('shows the reports to an analyst, without the live dashboard link', async () => {
    const { client } = await t.signedIn('analyst');
    const response = await client.get(`/reports?${RANGE}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Conversations opened');
    expect(html).not.toContain('href="/reports/live"');
  });

  test('sends an analyst to the reports after signing in', async () => {
    const { client } = await t.signedIn('analyst');
    const response = await client.get('/');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/reports');
  });

  test('refuses the live dashboard to an analyst', async () => {
    const { client } = await t.signedIn('analyst');
    expect((await client.get('/reports/live')).status).toBe(403);
  });

  test('puts the reports link in the menu of supervisors but not of agents', async () => {
    const supervisor = await t.signedIn('supervisor');
    const agent = await t.signedIn('agent');
    expect(await (await supervisor.client.get('/settings/profile')).text()).toContain('href="/reports"');
    expect(await (await agent.client.get('/settings/profile')).text()).not.toContain('href="/reports"');
  });
});

describe('the reports page', () => {
  test('renders the figures, the heatmap cells and the agents', async () => {
    const { client } = await t.signedIn('supervisor');
    const html = await (await client.get(`/reports?${RANGE}`)).text();
    expect(html).toMatch(/<th scope="row">Conversations opened<\/th>\s*<td>5<\/td>/);
    expect(html.match(/class="heat-cell"/g)).toHaveLength(168);
    expect(html).toContain('data-count="1"');
    expect(html).toContain('Amal');
    expect(html).toContain('SLA not configured');
  });

  test('escapes an agent name with markup', async () => {
    t.deps.db.update(users).set({ name: '<img src=x onerror=alert(1)>' }).where(eq(users.id, seeded.badr)).run();
    const { client } = await t.signedIn('admin');
    const html = await (await client.get(`/reports?${RANGE}`)).text();
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x');
    t.deps.db.update(users).set({ name: 'Badr' }).where(eq(users.id, seeded.badr)).run();
  });

  test('renders an empty range without failing', async () => {
    const { client } = await t.signedIn('admin');
    const response = await client.get('/reports?from=2020-01-01&to=2020-01-02');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('No agent handled a conversation');
  });
});

describe('CSV export', () => {
  test('downloads the overview with the same range', async () => {
    const { client } = await t.signedIn('analyst');
    const response = await client.get(`/reports?${RANGE}&format=csv&table=overview`);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toContain('rasil-overview-2026-11-24-2026-11-25.csv');
    const text = await response.text();
    expect(text).toContain('Conversations opened,5\r\n');
    expect(text).toContain('"First response time, median (calendar time)",600\r\n');
  });

  test('guards agent names against spreadsheet formulas', async () => {
    t.deps.db.update(users).set({ name: '=cmd|calc' }).where(eq(users.id, seeded.amal)).run();
    const { client } = await t.signedIn('analyst');
    const text = await (await client.get(`/reports?${RANGE}&format=csv&table=agents`)).text();
    expect(text).toContain("\r\n'=cmd|calc,2,100,120,");
    t.deps.db.update(users).set({ name: 'Amal' }).where(eq(users.id, seeded.amal)).run();
  });

  test('downloads the heatmap as weekday rows of 24 hours', async () => {
    const { client } = await t.signedIn('analyst');
    const lines = (await (await client.get(`/reports?${RANGE}&format=csv&table=heatmap`)).text()).trim().split('\r\n');
    expect(lines).toHaveLength(8);
    expect(lines[3]).toBe(`Tue,${[...Array(9).fill(0), 1, 1, 1, ...Array(12).fill(0)].join(',')}`);
  });
});

describe('live dashboard', () => {
  test('shows each team queue with its longest wait', async () => {
    const now = t.clock.now();
    t.deps.db.insert(teams).values({ id: 'tem_support', name: 'Support', createdAt: now, updatedAt: now }).run();
    t.deps.db.update(conversations).set({ teamId: 'tem_support', queuedAt: now - 12 * 60_000, assigneeId: null }).where(eq(conversations.id, seeded.conversations[4]!)).run();
    const { client } = await t.signedIn('supervisor');
    const html = await (await client.get('/reports/live')).text();
    expect(html).toMatch(/<th scope="row">Support<\/th>\s*<td>1<\/td>\s*<td>12 m<\/td>/);
    const csv = await (await client.get('/reports/live?format=csv')).text();
    expect(csv).toContain('\r\nSupport,1,720\r\n');
  });
});

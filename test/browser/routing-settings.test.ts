import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from 'bun:test';
import type { Browser } from 'playwright-core';
import type { TestApp } from '../support/test-app';
import { closeBrowserApp, hasChromium, startBrowserApp, signedInPage } from '../support/browser';
import { createTeam } from '../../src/teams/create-team';
import { findAgentRouting, findTeamPolicy } from '../../src/teams/team-policies.repository';

/** The Assignment card's live notice preview and the Agents page's inline row save, in real Chromium with htmx. */
setDefaultTimeout(30_000);

let t: TestApp;
let browser: Browser;
let base: string;
let admin: { email: string; password: string };
let teamId: string;

beforeAll(async () => {
  if (!hasChromium) return;
  ({ t, browser, base } = await startBrowserApp());
  admin = await t.signedIn('admin', { name: 'Maha' });
  teamId = createTeam({ name: 'Support', description: '' }, { actor: { id: null, label: 'test' }, role: 'admin' }, t.deps).teamId;
});
afterAll(async () => {
  if (hasChromium) await closeBrowserApp({ t, browser });
});

const signIn = () => signedInPage(browser, base, admin);

describe.skipIf(!hasChromium)('routing settings in a browser', () => {
  test('the notice preview follows what is typed, and the card saves', async () => {
    const { page, problems } = await signIn();
    await page.goto(`${base}/settings/teams/${teamId}`);
    await page.fill('#field-assignedEn', 'Hello, {agent} here; back within {eta}. ' + 'x'.repeat(120));
    await page.waitForFunction(() => document.querySelector('#preview-assignedEn .bubble-text')?.textContent?.startsWith('Hello, Maha here; back within 5 minutes.'));
    expect(await page.getAttribute('#preview-assignedEn .notice-count', 'class')).toBe('notice-count warn');
    await page.check('input[name=assignedEnabled]');
    await page.check('input[name=strategy][value=least_open]');
    await Promise.all([page.waitForURL((url) => url.search.includes('saved=assignment')), page.click('#assignment button[type=submit]')]);
    expect(await page.textContent('.alert-ok')).toContain('Assignment settings saved.');
    const policy = findTeamPolicy(t.deps.db, teamId);
    expect(policy.strategy).toBe('least_open');
    expect(policy.notices.assigned.enabled).toBe(true);
    expect(problems).toEqual([]);
  });

  test('an agent’s row saves in place', async () => {
    const agent = await t.signedIn('agent', { name: 'Omar' });
    const { page, problems } = await signIn();
    await page.goto(`${base}/settings/agents`);
    const row = `#agent-${agent.userId}`;
    await page.fill(`${row} input[name=capacity]`, '7');
    await page.fill(`${row} input[name=skills]`, 'logistics, شحن');
    await page.click(`${row} button[type=submit]`);
    await page.waitForSelector(`${row} [role=status]`);
    expect(page.url()).toBe(`${base}/settings/agents`);
    expect(findAgentRouting(t.deps.db, agent.userId)).toMatchObject({ capacity: 7, skills: ['logistics', 'شحن'] });
    expect(await page.inputValue(`${row} input[name=skills]`)).toBe('logistics, شحن');
    expect(problems).toEqual([]);
  });
});

import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/test-app';
import type { TestClient } from '../support/test-client';
import { seedInbox } from '../conversations/inbox-fixtures';
import { riyadhOffice } from '../business-hours/fixtures';
import { auditLog } from '../../src/audit/audit.tables';
import { keywordRules } from '../../src/automation/automation.tables';
import { getAutoReplyConfig } from '../../src/automation/auto-replies.repository';
import { getAutomaticMessageLimit as getAutomaticLimit } from '../../src/settings/automatic-message-limit';
import { addKeywordRule, setInboxCalendar } from './automation-fixtures';

const REPLIES = {
  welcomeEnabled: 'on',
  welcomeEn: 'Welcome to Sweet Shop!',
  welcomeAr: 'أهلًا بك!',
  welcomeAfterDays: '30',
  outOfHoursEnabled: 'on',
  outOfHoursEn: 'We are closed. {opening}',
  outOfHoursAr: '',
  outOfHoursEveryHours: '12',
};

const RULE = {
  name: 'Prices',
  scope: 'inbox',
  enabled: 'on',
  keywords: 'price, cost\nسعر',
  matchMode: 'whole_word',
  position: '1',
  reply1En: 'Cakes start at 10 SAR.',
  reply1Ar: 'الكعك من 10 ريال.',
  reply2En: 'From 10 SAR.',
  button1En: 'Order now',
  button1Ar: 'اطلب الآن',
};

let t: TestApp;
let admin: TestClient;
let inboxId: string;
beforeEach(async () => {
  t = createTestApp();
  ({ inboxId } = seedInbox(t, 'Sweet Shop'));
  ({ client: admin } = await t.signedIn('admin'));
});
afterEach(() => t.cleanup());

const page = `/settings/automation/${'INBOX'}`;
const inboxPage = () => page.replace('INBOX', inboxId);
const audits = (action: string) => t.deps.db.select().from(auditLog).where(eq(auditLog.action, action)).all();

describe('/settings/automation', () => {
  test('opens the first inbox’s tab, with the link in the settings menu', async () => {
    const response = await admin.get('/settings/automation');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(inboxPage());
    const html = await admin.load(inboxPage());
    expect(html).toContain('href="/settings/automation"');
    expect(html).toContain('Sweet Shop');
  });

  test('is for admins only', async () => {
    const { client } = await t.signedIn('supervisor');
    expect((await client.get(inboxPage())).status).toBe(403);
  });

  test('answers 404 for an unknown inbox', async () => {
    expect((await admin.get('/settings/automation/ibx_nope')).status).toBe(404);
  });

  test('warns that out-of-hours replies never go out without opening hours, and shows the next opening once there are', async () => {
    expect(await admin.load(inboxPage())).toContain('has no opening hours');
    setInboxCalendar(t, inboxId, riyadhOffice);
    const html = await admin.load(inboxPage());
    expect(html).not.toContain('has no opening hours');
    expect(html).toContain('data-opening="We open again');
  });
});

describe('saving welcome and out-of-hours replies', () => {
  test('stores both replies per inbox and audits the change without the texts', async () => {
    await admin.load(inboxPage());
    const response = await admin.post(`${inboxPage()}/replies`, REPLIES);
    expect(response.status).toBe(303);
    expect(getAutoReplyConfig(t.deps.db, inboxId)).toEqual({
      welcome: { enabled: true, text: { en: 'Welcome to Sweet Shop!', ar: 'أهلًا بك!' }, afterDays: 30 },
      outOfHours: { enabled: true, text: { en: 'We are closed. {opening}', ar: '' }, everyHours: 12 },
    });
    const [audit] = audits('automation.auto_replies_changed');
    expect(audit?.targetId).toBe(inboxId);
    expect(audit?.details).not.toContain('Sweet Shop');
  });

  test('refuses a text over 256 characters with 422 and changes nothing', async () => {
    await admin.load(inboxPage());
    const response = await admin.post(`${inboxPage()}/replies`, { ...REPLIES, welcomeEn: 'x'.repeat(257) });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Keep it to 256 characters or fewer.');
    expect(html).toContain('257 / 256');
    expect(getAutoReplyConfig(t.deps.db, inboxId).welcome.enabled).toBe(false);
  });

  test('counts characters as WhatsApp does (an emoji is one) and accepts 256 of them', async () => {
    await admin.load(inboxPage());
    expect((await admin.post(`${inboxPage()}/replies`, { ...REPLIES, welcomeEn: '🎂'.repeat(256) })).status).toBe(303);
  });

  test('accepts a text past 150 characters but marks its counter as a warning', async () => {
    await admin.load(inboxPage());
    expect((await admin.post(`${inboxPage()}/replies`, { ...REPLIES, welcomeEn: 'y'.repeat(151) })).status).toBe(303);
    const html = await admin.load(inboxPage());
    expect(html).toMatch(/class="reply-counter small near-limit"[^>]*>151 \/ 256</);
  });

  test('refuses a reply switched on without any text', async () => {
    await admin.load(inboxPage());
    const response = await admin.post(`${inboxPage()}/replies`, { ...REPLIES, outOfHoursEn: '', outOfHoursAr: '' });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Write the reply in at least one language, or switch it off.');
  });

  test('previews the bubble with the text escaped', async () => {
    await admin.load(inboxPage());
    await admin.post(`${inboxPage()}/replies`, { ...REPLIES, welcomeEn: '<img src=x onerror=alert(1)>' });
    const html = await admin.load(inboxPage());
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('the 24-hour limit', () => {
  test('is saved business-wide and audited', async () => {
    await admin.load(inboxPage());
    const response = await admin.post('/settings/automation/limit', { inbox: inboxId, perDay: '5' });
    expect(response.status).toBe(303);
    expect(getAutomaticLimit(t.deps.db)).toBe(5);
    expect(audits('automation.limit_changed')).toHaveLength(1);
  });

  test('refuses a limit out of range with 422', async () => {
    await admin.load(inboxPage());
    const response = await admin.post('/settings/automation/limit', { inbox: inboxId, perDay: '50' });
    expect(response.status).toBe(422);
    expect(getAutomaticLimit(t.deps.db)).toBe(3);
  });
});

describe('keyword rules', () => {
  test('are created with keywords, variants and buttons, and listed on the inbox’s tab', async () => {
    await admin.load(`${inboxPage()}/rules/new`);
    const response = await admin.post(`${inboxPage()}/rules`, RULE);
    expect(response.status).toBe(303);
    const [row] = t.deps.db.select().from(keywordRules).all();
    expect(row).toMatchObject({ inboxId, name: 'Prices', matchMode: 'whole_word', enabled: true, handOver: false });
    expect(JSON.parse(row!.keywords)).toEqual(['price', 'cost', 'سعر']);
    expect(JSON.parse(row!.replies)).toEqual([
      { en: 'Cakes start at 10 SAR.', ar: 'الكعك من 10 ريال.' },
      { en: 'From 10 SAR.', ar: '' },
    ]);
    expect(JSON.parse(row!.buttons)).toEqual([{ en: 'Order now', ar: 'اطلب الآن' }]);
    expect(await admin.load(inboxPage())).toContain('price; cost; سعر');
    expect(audits('automation.rule_created')).toHaveLength(1);
  });

  test('refuses a button over 20 characters with 422 and stores nothing', async () => {
    await admin.load(`${inboxPage()}/rules/new`);
    const response = await admin.post(`${inboxPage()}/rules`, { ...RULE, button1En: 'A very long button title' });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('A button holds 20 characters at most.');
    expect(t.deps.db.select().from(keywordRules).all()).toHaveLength(0);
  });

  test('refuses a rule without keywords or replies', async () => {
    await admin.load(`${inboxPage()}/rules/new`);
    const response = await admin.post(`${inboxPage()}/rules`, { ...RULE, keywords: ' , ', reply1En: '', reply1Ar: '', reply2En: '' });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Add at least one keyword.');
    expect(html).toContain('Write at least one reply.');
  });

  test('can apply to all inboxes, then be edited and deleted', async () => {
    await admin.load(`${inboxPage()}/rules/new`);
    await admin.post(`${inboxPage()}/rules`, { ...RULE, scope: 'all' });
    const [row] = t.deps.db.select().from(keywordRules).all();
    expect(row!.inboxId).toBeNull();
    const other = seedInbox(t, 'Support').inboxId;
    const otherTab = `/settings/automation/${other}`;
    expect(await admin.load(otherTab)).toContain('All numbers');

    await admin.load(`${otherTab}/rules/${row!.id}`);
    expect((await admin.post(`${otherTab}/rules/${row!.id}`, { ...RULE, scope: 'all', name: 'Prices 2026', handOver: 'on', enabled: '' })).status).toBe(303);
    expect(t.deps.db.select().from(keywordRules).get()).toMatchObject({ name: 'Prices 2026', handOver: true, enabled: false });

    expect((await admin.post(`${otherTab}/rules/${row!.id}/delete`)).status).toBe(303);
    expect(t.deps.db.select().from(keywordRules).all()).toHaveLength(0);
    expect(audits('automation.rule_deleted')).toHaveLength(1);
  });

  test('cannot be edited from another inbox’s tab', async () => {
    const other = seedInbox(t, 'Support').inboxId;
    const ruleId = addKeywordRule(t, { inboxId: other });
    expect((await admin.get(`${inboxPage()}/rules/${ruleId}`)).status).toBe(404);
  });
});

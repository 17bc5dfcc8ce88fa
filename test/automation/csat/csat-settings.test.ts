import { afterEach, beforeEach, describe, expect, test, setDefaultTimeout } from 'bun:test';
import { createTestApp, type TestApp } from '../../support/test-app';
import { getCsatSettings, DEFAULT_CSAT_SETTINGS } from '../../../src/automation/csat/csat-settings';
import { receive, seedInbox } from '../../conversations/inbox-fixtures';
import { changeConversationStatus } from '../../../src/conversations/change-conversation-status';
import { csatSurveys } from '../../../src/automation/csat/csat.tables';
import { saveCsatSettings } from '../../../src/automation/csat/csat-settings';
import { eq } from 'drizzle-orm';
import { inboxMembers } from '../../../src/conversations/inbox-members.tables';

// Signing users in hashes passwords: slow on a busy machine.
setDefaultTimeout(30_000);

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.cleanup());

const form = (overrides: Record<string, string> = {}) => ({
  enabled: 'on',
  format: 'list',
  questionEn: 'Rate us?',
  questionAr: 'قيّمنا؟',
  commentEn: '',
  commentAr: '',
  thanksEn: 'Thanks',
  thanksAr: 'شكرًا',
  answerMinutes: '45',
  ...overrides,
});

describe('the settings page', () => {
  test('saves the survey settings for an admin', async () => {
    const { client } = await t.signedIn('admin');
    await client.load('/settings/csat');
    const response = await client.post('/settings/csat', form());
    expect(response.status).toBe(303);
    expect(getCsatSettings(t.deps.db)).toMatchObject({ enabled: true, format: 'list', questionAr: 'قيّمنا؟', askComment: false, answerMinutes: 45 });
  });

  test('refuses minutes out of range with 422 and changes nothing', async () => {
    const { client } = await t.signedIn('admin');
    await client.load('/settings/csat');
    const response = await client.post('/settings/csat', form({ answerMinutes: '2' }));
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Enter whole minutes from 5 to 1440.');
    expect(getCsatSettings(t.deps.db)).toEqual(DEFAULT_CSAT_SETTINGS);
  });

  test('refuses an empty question', async () => {
    const { client } = await t.signedIn('admin');
    await client.load('/settings/csat');
    expect((await client.post('/settings/csat', form({ questionEn: '  ' }))).status).toBe(422);
  });

  test('refuses the page to a supervisor', async () => {
    const { client } = await t.signedIn('supervisor');
    expect((await client.get('/settings/csat')).status).toBe(403);
  });
});

describe('the rating on the conversation page', () => {
  test('shows the stars, the comment and the rated agent', async () => {
    const { client, userId } = await t.signedIn('admin', { name: 'Mona' });
    saveCsatSettings({ ...DEFAULT_CSAT_SETTINGS, enabled: true }, { id: null, label: 'test' }, t.deps);
    const { inboxId } = seedInbox(t);
    const { conversationId } = receive(t, inboxId);
    changeConversationStatus({ conversationId, status: 'resolved', actor: { id: userId, name: 'Mona' } }, t.deps);
    t.drainEvents();
    t.deps.db.update(csatSurveys).set({ rating: 4, comment: '<b>quick</b>', agentId: userId }).where(eq(csatSurveys.conversationId, conversationId)).run();
    const page = await (await client.get(`/conversations/${conversationId}`)).text();
    expect(page).toContain(`hx-get="/conversations/${conversationId}/csat"`);
    const html = await (await client.get(`/conversations/${conversationId}/csat`)).text();
    expect(html).toContain('★★★★☆');
    expect(html).toContain('Rated 4 out of 5');
    expect(html).toContain('&lt;b&gt;quick&lt;/b&gt;');
    expect(html).toContain('For Mona');
  });

  test('hides another inbox’s rating from an agent who is not a member', async () => {
    const { inboxId } = seedInbox(t);
    const own = seedInbox(t, 'Own').inboxId;
    const { conversationId } = receive(t, inboxId);
    const { client, userId } = await t.signedIn('agent');
    const other = await t.signedIn('agent');
    t.deps.db
      .insert(inboxMembers)
      .values([
        { inboxId: own, userId, addedAt: t.clock.now() },
        { inboxId, userId: other.userId, addedAt: t.clock.now() },
      ])
      .run();
    expect((await client.get(`/conversations/${conversationId}/csat`)).status).toBe(404);
  });
});

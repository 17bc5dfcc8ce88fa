import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from '../../support/test-app';
import { seedInbox } from '../../conversations/inbox-fixtures';
import { findBotConfig, listMenus } from '../../../src/automation/menu-bot/menu-bot.repository';
import { menuBots } from '../../../src/automation/menu-bot/menu-bot.tables';

let t: TestApp;
let inboxId: string;
beforeEach(() => {
  t = createTestApp();
  inboxId = seedInbox(t, 'Support').inboxId;
});
afterEach(() => t.cleanup());

async function admin() {
  const { client } = await t.signedIn('admin');
  const html = await client.load(`/settings/bot?inbox=${inboxId}`);
  return { client, html };
}

const menuForm = (overrides: Record<string, string> = {}) => ({
  name: 'Main menu',
  greetingEn: 'Welcome!',
  greetingAr: 'أهلاً!',
  o0_action: 'answer',
  o0_titleEn: 'Opening hours',
  o0_titleAr: 'ساعات العمل',
  o0_textEn: 'We open at 9.',
  o0_textAr: 'نفتح الساعة 9.',
  o1_action: 'ask',
  o1_titleEn: 'Track my order',
  o1_textEn: 'Your order number?',
  o1_attributeKey: 'order_number',
  o1_handOverAfter: '1',
  ...overrides,
});

describe('/settings/bot', () => {
  test('shows the inbox’s bot switched off with the default escalation keywords', async () => {
    const { html } = await admin();
    expect(html).toContain('Menu bot');
    expect(html).toContain('موظف');
    expect(findBotConfig(t.deps.db, inboxId)?.enabled).toBe(false);
  });

  test('refuses the page to agents with 403', async () => {
    const { client } = await t.signedIn('agent');
    expect((await client.get('/settings/bot')).status).toBe(403);
  });

  test('refuses a bot form post from a supervisor with 403 and changes nothing', async () => {
    await admin();
    const { client } = await t.signedIn('supervisor');
    await client.load('/settings/profile');
    const response = await client.post(`/settings/bot/${inboxId}`, {
      enabled: '1',
      rootMenuId: findBotConfig(t.deps.db, inboxId)!.rootMenuId!,
      escalationKeywords: 'x',
    });
    expect(response.status).toBe(403);
    expect(findBotConfig(t.deps.db, inboxId)?.enabled).toBe(false);
  });

  test('switches the bot on with its words and a sensitive topic', async () => {
    const { client } = await admin();
    const rootMenuId = findBotConfig(t.deps.db, inboxId)!.rootMenuId!;
    const response = await client.post(`/settings/bot/${inboxId}`, {
      enabled: '1',
      rootMenuId,
      escalationKeywords: 'agent, موظف\nhuman',
      frustrationWords: 'useless',
      topic0_keywords: 'refund، استرجاع',
      topic0_option: 'refund',
    });
    expect(response.status).toBe(303);
    expect(findBotConfig(t.deps.db, inboxId)).toMatchObject({
      enabled: true,
      rootMenuId,
      escalationKeywords: ['agent', 'موظف', 'human'],
      sensitiveTopics: [{ keywords: ['refund', 'استرجاع'], teamId: null, option: 'refund' }],
    });
  });

  test('refuses a topic without a team or routing option with 422 and changes nothing', async () => {
    const { client } = await admin();
    const before = t.deps.db.select().from(menuBots).get();
    const response = await client.post(`/settings/bot/${inboxId}`, { enabled: '1', rootMenuId: before!.rootMenuId!, topic0_keywords: 'refund' });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Pick a team or type a routing option.');
    expect(t.deps.db.select().from(menuBots).get()).toEqual(before);
  });

  test('saves a menu’s options and shows them in the preview', async () => {
    const { client } = await admin();
    const menuId = findBotConfig(t.deps.db, inboxId)!.rootMenuId!;
    const response = await client.post(`/settings/bot/${inboxId}/menus/${menuId}`, menuForm());
    expect(response.status).toBe(303);
    const [menu] = listMenus(t.deps.db, inboxId);
    expect(menu!.options.map((o) => [o.titleEn, o.action.type])).toEqual([
      ['Opening hours', 'answer'],
      ['Track my order', 'ask'],
    ]);
    const html = await client.load(`/settings/bot/${inboxId}/menus/${menuId}`);
    expect(html).toContain('ساعات العمل');
  });

  test('refuses an option title longer than a list row with 422 and changes nothing', async () => {
    const { client } = await admin();
    const menuId = findBotConfig(t.deps.db, inboxId)!.rootMenuId!;
    const response = await client.post(`/settings/bot/${inboxId}/menus/${menuId}`, menuForm({ o0_titleEn: 'An option title far too long for WhatsApp' }));
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Titles are at most 24 characters');
    expect(listMenus(t.deps.db, inboxId)[0]!.options).toEqual([]);
  });

  test('refuses a question without an attribute name with 422', async () => {
    const { client } = await admin();
    const menuId = findBotConfig(t.deps.db, inboxId)!.rootMenuId!;
    const response = await client.post(`/settings/bot/${inboxId}/menus/${menuId}`, menuForm({ o1_attributeKey: '' }));
    expect(response.status).toBe(422);
  });

  test('adds a follow-up menu and opens it', async () => {
    const { client } = await admin();
    const response = await client.post(`/settings/bot/${inboxId}/menus`, { name: 'Delivery' });
    expect(response.status).toBe(303);
    expect(listMenus(t.deps.db, inboxId).map((m) => m.name)).toEqual(['Main menu', 'Delivery']);
    expect(response.headers.get('location')).toStartWith(`/settings/bot/${inboxId}/menus/`);
  });

  test('answers 404 for a menu of another inbox', async () => {
    const other = seedInbox(t, 'Other').inboxId;
    const { client } = await admin();
    await client.load(`/settings/bot?inbox=${other}`);
    const otherMenu = findBotConfig(t.deps.db, other)!.rootMenuId!;
    expect((await client.get(`/settings/bot/${inboxId}/menus/${otherMenu}`)).status).toBe(404);
  });

  test('escapes menu names and greetings', async () => {
    const { client } = await admin();
    const menuId = findBotConfig(t.deps.db, inboxId)!.rootMenuId!;
    await client.post(`/settings/bot/${inboxId}/menus/${menuId}`, menuForm({ name: '<script>x</script>', greetingEn: '<img src=x onerror=alert(1)>' }));
    const html = await client.load(`/settings/bot/${inboxId}/menus/${menuId}`);
    expect(html).toContain('<h1 dir="auto">Menu: &lt;script&gt;x&lt;/script&gt;</h1>');
    expect(html).not.toContain('<img src=x');
  });
});

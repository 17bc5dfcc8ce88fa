import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from '../support/test-app';
import type { TestClient } from '../support/test-client';
import { seedInbox } from '../conversations/inbox-fixtures';
import { routingRules } from '../../src/assignment/routing-rules.tables';
import { listRoutingRules } from '../../src/assignment/routing-rules.repository';
import { auditLog } from '../../src/audit/audit.tables';
import { users } from '../../src/accounts/accounts.tables';
import { eq } from 'drizzle-orm';
import { seedLabel, seedRule, seedTeam, setDefaultTeam } from './routing-fixtures';

let t: TestApp;
let inboxId: string;
let support: string;
let billing: string;
beforeEach(() => {
  t = createTestApp();
  inboxId = seedInbox(t, 'Main number').inboxId;
  support = seedTeam(t, 'Support');
  billing = seedTeam(t, 'Billing');
  setDefaultTeam(t, inboxId, support);
});
afterEach(() => t.cleanup());

const PAGE = '/settings/routing';
const auditActions = () => t.deps.db.select().from(auditLog).all().map((row) => row.action);
const ruleNames = () => listRoutingRules(t.deps.db).map((rule) => rule.name);

/** Posts a form whose fields may repeat (checkboxes), as a browser does. */
function postForm(client: TestClient, path: string, fields: [string, string][], htmx = false) {
  const body = new URLSearchParams([...fields, ['_csrf', client.csrfToken]]);
  return client.request(path, { method: 'POST', body: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, htmx });
}

async function manager(role: 'admin' | 'supervisor' = 'admin') {
  const { client } = await t.signedIn(role);
  await client.load(PAGE);
  return client;
}

const ruleFields = (overrides: Record<string, string> = {}): [string, string][] =>
  Object.entries({ name: 'Refunds', keywords: 'refund\nاسترجاع', keyword_mode: 'whole_word', customer: '', vip: '', languages: '', tags: '', attribute_key: '', attribute_op: 'equals', attribute_value: '', menu_options: '', team_id: billing, priority: '', required_skill: '', ...overrides });

describe('who may open the page', () => {
  test('shows the rules page to a supervisor', async () => {
    const { client } = await t.signedIn('supervisor');
    const response = await client.get(PAGE);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Routing rules');
  });

  test('refuses the page to an agent', async () => {
    const { client } = await t.signedIn('agent');
    const response = await client.get(PAGE);
    expect(response.status).toBe(403);
  });

  test('refuses to save a rule for an agent', async () => {
    const { client } = await t.signedIn('agent');
    await client.load('/settings/profile');
    const response = await postForm(client, PAGE, ruleFields());
    expect(response.status).toBe(403);
    expect(ruleNames()).toEqual([]);
  });
});

describe('saving rules', () => {
  test('creates a rule with its conditions and result, and audits it', async () => {
    const client = await manager();
    const refund = seedLabel(t, 'refund');
    const response = await postForm(client, PAGE, [...ruleFields({ priority: 'high', required_skill: 'payments', vip: 'yes' }), ['inbox_ids', inboxId], ['label_ids', refund]]);
    expect(response.status).toBe(303);
    const [rule] = listRoutingRules(t.deps.db);
    expect(rule!.name).toBe('Refunds');
    expect(rule!.enabled).toBe(true);
    expect(rule!.when).toEqual({ keywords: { anyOf: ['refund', 'استرجاع'], mode: 'whole_word' }, contact: [{ kind: 'vip', is: true }], inboxIds: [inboxId] });
    expect(rule!.then).toEqual({ teamId: billing, priority: 'high', labels: [refund], requiredSkill: 'payments' });
    expect(auditActions()).toContain('routing_rule.created');
  });

  test('refuses a rule without a team with 422 and saves nothing', async () => {
    const client = await manager();
    const response = await postForm(client, PAGE, ruleFields({ team_id: '' }));
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Choose the team this rule sends conversations to.');
    expect(html).toContain('Refunds');
    expect(t.deps.db.select().from(routingRules).all()).toEqual([]);
  });

  test('refuses a rule without a name with 422, keeping what was typed', async () => {
    const client = await manager();
    const response = await postForm(client, PAGE, ruleFields({ name: '  ' }));
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Enter a name for the rule.');
    expect(html).toContain('استرجاع');
    expect(ruleNames()).toEqual([]);
  });

  test('refuses a language that is not a language code with 422', async () => {
    const client = await manager();
    const response = await postForm(client, PAGE, ruleFields({ languages: 'Arabic!' }));
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Use language codes such as ar, en or en-GB.');
    expect(ruleNames()).toEqual([]);
  });

  test('refuses a custom field condition without its value with 422', async () => {
    const client = await manager();
    const response = await postForm(client, PAGE, ruleFields({ attribute_key: 'city', attribute_op: 'equals' }));
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Enter the value to compare with.');
  });

  test('refuses an inbox that does not exist with 422', async () => {
    const client = await manager();
    const response = await postForm(client, PAGE, [...ruleFields(), ['inbox_ids', 'inb_missing']]);
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('One of the ticked inboxes no longer exists.');
    expect(ruleNames()).toEqual([]);
  });

  test('edits a rule, keeping its place and state, and audits it', async () => {
    seedRule(t, { name: 'First', keywords: 'a', team_id: support });
    const ruleId = seedRule(t, { name: 'Refunds', keywords: 'refund', team_id: billing });
    const client = await manager('supervisor');
    const form = await client.load(`${PAGE}/${ruleId}/edit`);
    expect(form).toContain('refund');
    const response = await postForm(client, `${PAGE}/${ruleId}`, ruleFields({ name: 'Money back', keywords: 'money back', team_id: support }));
    expect(response.status).toBe(303);
    expect(ruleNames()).toEqual(['First', 'Money back']);
    expect(listRoutingRules(t.deps.db)[1]!.then.teamId).toBe(support);
    expect(auditActions()).toContain('routing_rule.updated');
  });

  test('refuses an edit without a team with 422 and leaves the rule as it was', async () => {
    const ruleId = seedRule(t, { name: 'Refunds', keywords: 'refund', team_id: billing });
    const client = await manager();
    const response = await postForm(client, `${PAGE}/${ruleId}`, ruleFields({ name: 'Changed', team_id: '' }));
    expect(response.status).toBe(422);
    expect(ruleNames()).toEqual(['Refunds']);
  });

  test('answers 404 for a rule that does not exist', async () => {
    const client = await manager();
    expect((await client.get(`${PAGE}/rrl_missing/edit`)).status).toBe(404);
  });
});

describe('ordering and switching rules', () => {
  test('lists the rules in the order they are tried, with what they do', async () => {
    seedRule(t, { name: 'Refunds', keywords: 'refund', team_id: billing });
    seedRule(t, { name: 'Catch all', team_id: support });
    const client = await manager();
    const html = await client.load(PAGE);
    expect(html.indexOf('Refunds')).toBeLessThan(html.indexOf('Catch all'));
    expect(html).toContain('the message mentions “refund”');
    expect(html).toContain('every conversation');
    expect(html).toContain('team Billing');
  });

  test('moves a rule up, and audits it', async () => {
    seedRule(t, { name: 'A', team_id: support });
    const b = seedRule(t, { name: 'B', team_id: support });
    const client = await manager();
    const response = await postForm(client, `${PAGE}/${b}/move`, [['direction', 'up']]);
    expect(response.status).toBe(303);
    expect(ruleNames()).toEqual(['B', 'A']);
    expect(auditActions()).toContain('routing_rule.moved');
  });

  test('moves a rule down', async () => {
    const a = seedRule(t, { name: 'A', team_id: support });
    seedRule(t, { name: 'B', team_id: support });
    seedRule(t, { name: 'C', team_id: support });
    const client = await manager();
    await postForm(client, `${PAGE}/${a}/move`, [['direction', 'down']]);
    expect(ruleNames()).toEqual(['B', 'A', 'C']);
  });

  test('leaves the first rule in place when moved up', async () => {
    const a = seedRule(t, { name: 'A', team_id: support });
    seedRule(t, { name: 'B', team_id: support });
    const client = await manager();
    await postForm(client, `${PAGE}/${a}/move`, [['direction', 'up']]);
    expect(ruleNames()).toEqual(['A', 'B']);
    expect(auditActions()).not.toContain('routing_rule.moved');
  });

  test('turns a rule off and on again', async () => {
    const a = seedRule(t, { name: 'A', team_id: support });
    const client = await manager();
    await postForm(client, `${PAGE}/${a}/enabled`, [['enabled', '0']]);
    expect(listRoutingRules(t.deps.db)[0]!.enabled).toBe(false);
    expect(await client.load(PAGE)).toContain('Turn on');
    await postForm(client, `${PAGE}/${a}/enabled`, [['enabled', '1']]);
    expect(listRoutingRules(t.deps.db)[0]!.enabled).toBe(true);
    expect(auditActions()).toEqual(expect.arrayContaining(['routing_rule.disabled', 'routing_rule.enabled']));
  });

  test('escapes rule names and keywords on the list and the delete page', async () => {
    const a = seedRule(t, { name: '<img src=x onerror=alert(1)>', keywords: '<b>refund</b>', team_id: support });
    const client = await manager();
    const list = await client.load(PAGE);
    const confirm = await client.load(`${PAGE}/${a}/delete`);
    for (const html of [list, confirm]) {
      expect(html).not.toContain('<img src=x');
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    }
    expect(list).not.toContain('<b>refund</b>');
  });

  test('asks before deleting, then deletes and audits', async () => {
    const a = seedRule(t, { name: 'Refunds', team_id: support });
    const client = await manager();
    const confirm = await client.load(`${PAGE}/${a}/delete`);
    expect(confirm).toContain('Delete the rule “Refunds”?');
    expect(ruleNames()).toEqual(['Refunds']);
    const response = await postForm(client, `${PAGE}/${a}/delete`, []);
    expect(response.status).toBe(303);
    expect(ruleNames()).toEqual([]);
    expect(auditActions()).toContain('routing_rule.deleted');
  });
});

describe('the test box', () => {
  const trial = (message: string, extra: [string, string][] = []): [string, string][] => [['message', message], ['inbox_id', inboxId], ['customer', 'new'], ...extra];

  test('says which rule would take a message and why, as a whole page without JavaScript', async () => {
    seedRule(t, { name: 'Refunds', keywords: 'refund', team_id: billing });
    const client = await manager();
    const response = await postForm(client, `${PAGE}/test`, trial('I want a refund'));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('This message would go to Billing by the rule “Refunds”: the message mentions “refund”.');
    expect(html).toContain('<html');
    expect(html).toContain('I want a refund');
  });

  test('answers an htmx request with only the result', async () => {
    seedRule(t, { name: 'Refunds', keywords: 'refund', team_id: billing });
    const client = await manager();
    const response = await postForm(client, `${PAGE}/test`, trial('refund please'), true);
    const html = await response.text();
    expect(html).toContain('This message would go to Billing by the rule “Refunds”');
    expect(html).not.toContain('<html');
  });

  test('says the inbox default team takes a message no rule matches', async () => {
    seedRule(t, { name: 'Refunds', keywords: 'refund', team_id: billing });
    const client = await manager();
    const html = await (await postForm(client, `${PAGE}/test`, trial('Where is my order?'), true)).text();
    expect(html).toContain('No rule matches: it would go to the inbox’s default team, Support.');
  });

  test('matches an Arabic keyword with the article or another alef', async () => {
    seedRule(t, { name: 'Refunds', keywords: 'استرجاع', team_id: billing });
    const client = await manager();
    for (const message of ['أريد الاسترجاع', 'إسترجاع المبلغ']) {
      const html = await (await postForm(client, `${PAGE}/test`, trial(message), true)).text();
      expect(html).toContain('This message would go to Billing by the rule “Refunds”: the message mentions “استرجاع”.');
    }
  });

  test('uses the contact facts typed in the box', async () => {
    seedRule(t, { name: 'VIP returning', vip: 'yes', customer: 'returning', team_id: billing });
    const client = await manager();
    const plain = await (await postForm(client, `${PAGE}/test`, trial('hi'), true)).text();
    expect(plain).toContain('No rule matches');
    const vip = await (await postForm(client, `${PAGE}/test`, [['message', 'hi'], ['inbox_id', inboxId], ['customer', 'returning'], ['vip', 'yes']], true)).text();
    expect(vip).toContain('by the rule “VIP returning”');
  });

  test('answers in Arabic for a viewer who reads Arabic', async () => {
    seedRule(t, { name: 'Refunds', keywords: 'استرجاع', team_id: billing });
    const { client, userId } = await t.signedIn('supervisor');
    t.deps.db.update(users).set({ locale: 'ar' }).where(eq(users.id, userId)).run();
    const page = await client.load(PAGE);
    expect(page).toContain('جرّب رسالة');
    const html = await (await postForm(client, `${PAGE}/test`, trial('الاسترجاع'), true)).text();
    expect(html).toContain('ستذهب هذه الرسالة إلى Billing بحسب القاعدة «Refunds»: الرسالة تذكر «استرجاع».');
  });

  test('escapes what was typed in the box', async () => {
    const client = await manager();
    const html = await (await postForm(client, `${PAGE}/test`, trial('<script>alert(1)</script>'))).text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;');
  });
});

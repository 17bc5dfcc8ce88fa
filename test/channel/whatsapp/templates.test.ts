import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../support/test-app';
import { seedOutboundWorld, startFakeGraph, type OutboundWorld, type RunningFakeGraph } from '../../support/fake-graph';
import { syncAllTemplates, syncChannelTemplates } from '../../../src/channel/whatsapp/templates/sync-templates';
import { listInboxTemplateRows } from '../../../src/channel/whatsapp/templates/message-templates.repository';
import { countTemplateVariables, renderTemplatePreview, templateVariables } from '../../../src/channel/whatsapp/templates/render-template-preview';
import { GraphApiError } from '../../../src/channel/whatsapp/graph/graph-errors';
import { whatsappChannels } from '../../../src/channel/whatsapp/whatsapp.tables';
import type { FakeTemplate } from '../../../src/channel/whatsapp/fake-graph/fake-graph';
import { AppError } from '../../../src/platform/errors';

let t: TestApp;
let graph: RunningFakeGraph;
let world: OutboundWorld;

const template = (name: string, status = 'APPROVED', language = 'en_US'): FakeTemplate => ({
  name,
  language,
  status,
  category: 'UTILITY',
  components: [{ type: 'BODY', text: `Hello {{1}}, ${name} {{2}}` }],
});

beforeEach(() => {
  t = createTestApp();
  graph = startFakeGraph({ clock: t.clock });
  world = seedOutboundWorld(t.deps, { graphUrl: graph.url });
});
afterEach(async () => {
  graph.fake.close();
  await graph.stop();
  t.cleanup();
});

const sync = () => syncChannelTemplates({ channelId: world.channelId }, { ...t.deps, graphApiUrl: 'http://unused.invalid' });

describe('template sync', () => {
  test('copies every template across pages into message_templates', async () => {
    graph.fake.setTemplates(Array.from({ length: 120 }, (_, i) => template(`t${String(i).padStart(3, '0')}`)));
    expect(await sync()).toEqual({ count: 120, removed: 0 });
    const rows = listInboxTemplateRows(t.deps.db, world.inboxId);
    expect(rows).toHaveLength(120);
    expect(rows[0]).toMatchObject({ name: 't000', language: 'en_US', status: 'APPROVED', category: 'UTILITY', syncedAt: t.clock.now() });
    expect(JSON.parse(rows[0]!.components)).toEqual([{ type: 'BODY', text: 'Hello {{1}}, t000 {{2}}' }]);
    expect(graph.fake.requests.filter((r) => r.path.endsWith('/message_templates')).length).toBeGreaterThan(1);
  });

  test('updates changed templates in place and removes the ones Meta no longer lists', async () => {
    graph.fake.setTemplates([template('welcome'), template('promo'), template('welcome', 'APPROVED', 'ar')]);
    await sync();
    const before = listInboxTemplateRows(t.deps.db, world.inboxId).find((r) => r.name === 'welcome' && r.language === 'en_US')!;
    graph.fake.setTemplates([template('welcome', 'PAUSED'), template('welcome', 'APPROVED', 'ar')]);
    t.clock.advance(1000);
    expect(await sync()).toEqual({ count: 2, removed: 1 });
    const rows = listInboxTemplateRows(t.deps.db, world.inboxId);
    expect(rows.map((r) => `${r.name}/${r.language}/${r.status}`)).toEqual(['welcome/ar/APPROVED', 'welcome/en_US/PAUSED']);
    expect(rows.find((r) => r.language === 'en_US')!.id).toBe(before.id);
  });

  test('keeps the stored templates when Graph refuses the token', async () => {
    graph.fake.setTemplates([template('welcome')]);
    await sync();
    graph.fake.setOutage({ kind: 'error', code: 190 }, 'templates');
    await expect(sync()).rejects.toBeInstanceOf(GraphApiError);
    expect(listInboxTemplateRows(t.deps.db, world.inboxId)).toHaveLength(1);
  });

  test('refuses an unknown channel with a 404', async () => {
    const error = await syncChannelTemplates({ channelId: 'wac_nope' }, { ...t.deps, graphApiUrl: 'http://unused.invalid' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(404);
    expect(graph.fake.requests).toHaveLength(0);
  });

  test('the scheduled sync skips paused numbers', async () => {
    graph.fake.setTemplates([template('welcome')]);
    t.deps.db.update(whatsappChannels).set({ pausedAt: t.clock.now() }).where(eq(whatsappChannels.id, world.channelId)).run();
    await syncAllTemplates({ ...t.deps, graphApiUrl: 'http://unused.invalid' });
    expect(graph.fake.requests).toHaveLength(0);
  });

  test('the scheduled sync logs a failing number instead of throwing', async () => {
    graph.fake.setOutage({ kind: 'http', status: 500 }, 'templates');
    await syncAllTemplates({ ...t.deps, graphApiUrl: 'http://unused.invalid' });
    expect(t.logs.some((l) => l.msg === 'template sync failed' && l.channelId === world.channelId)).toBe(true);
  });
});

describe('template preview', () => {
  const components = [
    { type: 'HEADER', format: 'TEXT', text: 'Order update' },
    { type: 'BODY', text: 'Hi {{1}}, order {{2}} is ready. Thanks {{1}}!' },
    { type: 'FOOTER', text: 'Reply STOP to opt out' },
    { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Track' }, { type: 'URL', text: 'Open' }] },
  ];

  test('fills the body variables and keeps header, footer and buttons', () => {
    expect(renderTemplatePreview(components, ['Sara', '42'])).toEqual({
      header: 'Order update',
      headerFormat: null,
      body: 'Hi Sara, order 42 is ready. Thanks Sara!',
      footer: 'Reply STOP to opt out',
      buttons: ['Track', 'Open'],
      variableCount: 2,
      missing: [],
    });
  });

  test('leaves unfilled placeholders visible and lists them', () => {
    const preview = renderTemplatePreview(components, ['Sara']);
    expect(preview.body).toBe('Hi Sara, order {{2}} is ready. Thanks Sara!');
    expect(preview.missing).toEqual([2]);
  });

  test('counts distinct variables, named ones included', () => {
    expect(countTemplateVariables(components)).toBe(2);
    expect(templateVariables('Hi {{first_name}}, code {{ code }} for {{first_name}}')).toEqual(['first_name', 'code']);
    expect(renderTemplatePreview([{ type: 'BODY', text: 'Hi {{first_name}}, code {{code}}' }], ['Ali', '77']).body).toBe('Hi Ali, code 77');
  });

  test('reports a media header by its format', () => {
    expect(renderTemplatePreview([{ type: 'HEADER', format: 'IMAGE' }, { type: 'BODY', text: 'x' }], [])).toMatchObject({ header: null, headerFormat: 'IMAGE', variableCount: 0 });
  });

  test('keeps variable text as plain text (the view escapes it)', () => {
    expect(renderTemplatePreview([{ type: 'BODY', text: 'Hi {{1}}' }], ['<b>x</b>']).body).toBe('Hi <b>x</b>');
  });
});

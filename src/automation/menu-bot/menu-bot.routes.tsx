import { Elysia } from 'elysia';
import type { AppDeps } from '../../deps';
import { webContext } from '../../accounts/web-context.plugin';
import { ADMIN_ONLY, INBOX_USERS } from '../../accounts/access-policy';
import { ensureCanViewConversation } from '../../conversations/conversation-access';
import { viewerActor } from '../../accounts/request-actor';
import { formText } from '../../platform/http/form-errors';
import { createTranslator } from '../../i18n/translate';
import type { PageContext } from '../../../views/layout/page-context';
import { MenuBotPage } from '../../../views/settings/menu-bot.page';
import { MenuBotMenuPage, type MenuPreview } from '../../../views/settings/menu-bot-menu.page';
import { BotSummary } from '../../../views/conversations/bot-summary';
import { buildBotSummaryView } from './bot-summary-view';
import { createMenu, ensureMenuBot, saveBotSettings, saveMenu } from './manage-menu-bot';
import { findBotConfig, listInboxChoices, listMenus, listTeamChoices } from './menu-bot.repository';
import { botToForm, parseBotForm, readBotForm, type BotFormValues } from './bot-settings-form';
import { menuToForm, parseMenuForm, readMenuForm, type MenuFormValues } from './menu-form';
import { menuMessage } from './menu-message';
import type { BotMenu } from './menu-bot-config';
import { createInboxNotFoundError, createMenuNotFoundError } from './menu-bot.errors';

/**
 * /settings/bot: the menu bot of each inbox (admins); forms are parsed in menu-bot-form.ts, saved in manage-menu-bot.ts.
 * Also the Bot summary fragment the conversation page loads at its top (anyone who may see the conversation).
 */
export function menuBotRoutes(deps: AppDeps) {
  const inboxExists = (id: string) => listInboxChoices(deps.db).some((inbox) => inbox.id === id);

  function botPage(page: PageContext, inboxId: string, values?: BotFormValues, errors?: Record<string, string>, notice?: string) {
    ensureMenuBot(inboxId, deps);
    const menus = listMenus(deps.db, inboxId).map((m) => ({ id: m.id, name: m.name, optionCount: m.options.length }));
    const form = values ?? botToForm(findBotConfig(deps.db, inboxId)!);
    return (
      <MenuBotPage
        page={page}
        inboxes={listInboxChoices(deps.db)}
        inboxId={inboxId}
        values={form}
        menus={menus}
        teams={listTeamChoices(deps.db)}
        errors={errors}
        notice={notice}
      />
    );
  }

  function menuPage(page: PageContext, inboxId: string, menu: BotMenu, values?: MenuFormValues, errors?: Record<string, string>, notice?: string) {
    const menus = listMenus(deps.db, inboxId).map((m) => ({ id: m.id, name: m.name }));
    return (
      <MenuBotMenuPage
        page={page}
        inboxId={inboxId}
        menuId={menu.id}
        values={values ?? menuToForm(menu)}
        menus={menus}
        teams={listTeamChoices(deps.db)}
        previews={(['en', 'ar'] as const).map((language) => preview(menu, language))}
        errors={errors}
        notice={notice}
      />
    );
  }

  return new Elysia()
    .use(webContext(deps))
    .get(
      '/conversations/:id/bot-summary',
      ({ page, params, viewer }) => {
        ensureCanViewConversation(deps.db, viewer, params.id);
        const view = buildBotSummaryView(deps.db, params.id);
        return view ? <BotSummary page={page} view={view} /> : '';
      },
      { access: INBOX_USERS },
    )
    .get(
      '/settings/bot',
      ({ page, query }) => {
        const inboxes = listInboxChoices(deps.db);
        const inboxId = inboxes.find((inbox) => inbox.id === query.inbox)?.id ?? inboxes[0]?.id;
        if (!inboxId)
          return (
            <MenuBotPage
              page={page}
              inboxes={[]}
              inboxId=""
              values={botToForm({ enabled: false, rootMenuId: null, escalationKeywords: [], frustrationWords: [], sensitiveTopics: [] })}
              menus={[]}
              teams={[]}
              notice={page.t('menuBot.settings.noInboxes')}
            />
          );
        return botPage(page, inboxId, undefined, undefined, query.saved === '1' ? page.t('menuBot.settings.saved') : undefined);
      },
      { access: ADMIN_ONLY },
    )
    .post(
      '/settings/bot/:inboxId',
      ({ page, params, body, set, viewer, clientIp, request, redirect }) => {
        if (!inboxExists(params.inboxId)) throw createInboxNotFoundError();
        const values = readBotForm(body);
        const parsed = parseBotForm(values);
        if (!parsed.ok) {
          set.status = 422;
          return botPage(page, params.inboxId, values, parsed.errors);
        }
        saveBotSettings(params.inboxId, parsed.input, viewerActor(viewer!, clientIp, request), deps);
        return redirect(`/settings/bot?inbox=${encodeURIComponent(params.inboxId)}&saved=1`, 303);
      },
      { access: ADMIN_ONLY },
    )
    .post(
      '/settings/bot/:inboxId/menus',
      ({ page, params, body, set, viewer, clientIp, request, redirect }) => {
        if (!inboxExists(params.inboxId)) throw createInboxNotFoundError();
        const name = formText(body, 'name').trim();
        if (!name || [...name].length > 60) {
          set.status = 422;
          return botPage(page, params.inboxId, undefined, { name: 'menuBot.error.nameRequired' });
        }
        const menuId = createMenu(params.inboxId, name, viewerActor(viewer!, clientIp, request), deps);
        return redirect(`/settings/bot/${encodeURIComponent(params.inboxId)}/menus/${encodeURIComponent(menuId)}`, 303);
      },
      { access: ADMIN_ONLY },
    )
    .get(
      '/settings/bot/:inboxId/menus/:menuId',
      ({ page, params, query }) => {
        const menu = listMenus(deps.db, params.inboxId).find((m) => m.id === params.menuId);
        if (!menu) throw createMenuNotFoundError();
        return menuPage(page, params.inboxId, menu, undefined, undefined, query.saved === '1' ? page.t('menuBot.settings.saved') : undefined);
      },
      { access: ADMIN_ONLY },
    )
    .post(
      '/settings/bot/:inboxId/menus/:menuId',
      ({ page, params, body, set, viewer, clientIp, request, redirect }) => {
        const menu = listMenus(deps.db, params.inboxId).find((m) => m.id === params.menuId);
        if (!menu) throw createMenuNotFoundError();
        const values = readMenuForm(body);
        const parsed = parseMenuForm(values, () => deps.newId('opt'));
        if (!parsed.ok) {
          set.status = 422;
          return menuPage(page, params.inboxId, menu, values, parsed.errors);
        }
        saveMenu(params.inboxId, menu.id, parsed.input, viewerActor(viewer!, clientIp, request), deps);
        return redirect(`/settings/bot/${encodeURIComponent(params.inboxId)}/menus/${encodeURIComponent(menu.id)}?saved=1`, 303);
      },
      { access: ADMIN_ONLY },
    );
}

function preview(menu: BotMenu, language: 'en' | 'ar'): MenuPreview {
  const content = menuMessage(menu, language, createTranslator(language));
  if (content.kind === 'buttons') return { language, body: content.body, options: content.buttons.map((b) => b.title), list: false };
  if (content.kind === 'list') return { language, body: content.body, options: content.sections.flatMap((s) => s.rows.map((r) => r.title)), list: true };
  return { language, body: content.kind === 'text' ? content.text : '', options: [], list: false };
}

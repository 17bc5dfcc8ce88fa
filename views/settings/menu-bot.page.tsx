import type { PageContext } from '../layout/page-context';
import type { MessageKey } from '../../src/i18n/translate';
import type { BotFormValues } from '../../src/automation/menu-bot/bot-settings-form';
import { SettingsShell } from './settings-shell';
import { CsrfField, FormField, SelectField } from '../components/form-field';
import { Notice } from './notice';
import { BotTextArea, FieldError, choices, type Choice } from './menu-bot-fields';

export interface MenuBotPageProps {
  page: PageContext;
  inboxes: Choice[];
  inboxId: string;
  values: BotFormValues;
  menus: { id: string; name: string; optionCount: number }[];
  teams: Choice[];
  errors?: Record<string, string>;
  notice?: string;
}

/** /settings/bot: the inbox's menu bot — on/off, main menu, escalation words, sensitive topics — and its menus. */
export function MenuBotPage({ page, inboxes, inboxId, values, menus, teams, errors = {}, notice }: MenuBotPageProps) {
  const action = `/settings/bot/${encodeURIComponent(inboxId)}`;
  const teamChoices = [{ id: '', name: page.t('menuBot.settings.noTeam') }, ...teams];
  return (
    <SettingsShell page={page} title={page.t('menuBot.settings.title')}>
      <h1 safe>{page.t('menuBot.settings.title')}</h1>
      <p class="muted" safe>
        {page.t('menuBot.settings.intro')}
      </p>
      <form method="get" action="/settings/bot" class="inline-form">
        <label for="bot-inbox" safe>
          {page.t('menuBot.settings.inbox')}
        </label>
        <select id="bot-inbox" name="inbox">
          {inboxes.map((inbox) => (
            <option value={inbox.id} selected={inbox.id === inboxId} safe>
              {inbox.name}
            </option>
          ))}
        </select>
        <button type="submit" class="secondary" safe>
          {page.t('menuBot.settings.choose')}
        </button>
      </form>
      <Notice ok={notice} error={Object.keys(errors).length ? page.t('common.fixErrors') : undefined} />
      <form method="post" action={action} class="card" novalidate>
        <CsrfField page={page} />
        <h2 safe>{page.t('menuBot.settings.general')}</h2>
        <label class="checkbox">
          <input type="checkbox" name="enabled" value="1" checked={values.enabled} /> <span safe>{page.t('menuBot.settings.enabled')}</span>
        </label>
        <SelectField
          page={page}
          name="rootMenuId"
          label="menuBot.settings.rootMenu"
          options={choices(menus)}
          value={values.rootMenuId}
          error={errors.rootMenuId}
        />
        <BotTextArea
          page={page}
          name="escalationKeywords"
          label="menuBot.settings.escalationKeywords"
          hint="menuBot.settings.wordsHint"
          value={values.escalationKeywords}
          error={errors.escalationKeywords}
        />
        <BotTextArea
          page={page}
          name="frustrationWords"
          label="menuBot.settings.frustrationWords"
          hint="menuBot.settings.wordsHint"
          value={values.frustrationWords}
          error={errors.frustrationWords}
        />
        <fieldset>
          <legend safe>{page.t('menuBot.settings.topics')}</legend>
          <p class="hint muted" safe>
            {page.t('menuBot.settings.topicsHint')}
          </p>
          {values.topics.map((topic, i) => (
            <div class="bot-topic">
              <FormField
                page={page}
                name={`topic${i}_keywords`}
                label="menuBot.settings.topicKeywords"
                value={topic.keywords}
                error={errors[`topic${i}_keywords`]}
                dir="auto"
              />
              <SelectField page={page} name={`topic${i}_team`} label="menuBot.settings.topicTeam" options={choices(teamChoices)} value={topic.teamId} />
              <FormField
                page={page}
                name={`topic${i}_option`}
                label="menuBot.settings.topicOption"
                value={topic.option}
                error={errors[`topic${i}_option`]}
                dir="auto"
              />
            </div>
          ))}
        </fieldset>
        <button type="submit" safe>
          {page.t('common.save')}
        </button>
      </form>
      <section class="card">
        <h2 safe>{page.t('menuBot.settings.menus')}</h2>
        <ul class="bot-menus">
          {menus.map((menu) => (
            <li>
              <a href={`${action}/menus/${encodeURIComponent(menu.id)}`} dir="auto" safe>
                {menu.name}
              </a>{' '}
              <span class="muted" safe>
                {page.t('menuBot.settings.optionsCount', { count: menu.optionCount })}
              </span>
            </li>
          ))}
        </ul>
        <form method="post" action={`${action}/menus`} class="inline-form" novalidate>
          <CsrfField page={page} />
          <label for="field-menu-name" safe>
            {page.t('menuBot.settings.menuName')}
          </label>
          <input id="field-menu-name" name="name" dir="auto" required aria-invalid={errors.name ? 'true' : undefined} />
          <button type="submit" class="secondary" safe>
            {page.t('menuBot.settings.addMenu')}
          </button>
          <FieldError page={page} error={errors.name as MessageKey | undefined} />
        </form>
      </section>
    </SettingsShell>
  );
}

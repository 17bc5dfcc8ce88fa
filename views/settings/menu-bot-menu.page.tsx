import type { PageContext } from '../layout/page-context';
import type { MenuFormValues, OptionFormValues } from '../../src/automation/menu-bot/menu-form';
import { SettingsShell } from './settings-shell';
import { CsrfField, FormField, SelectField } from '../components/form-field';
import { Notice } from './notice';
import { BotTextArea, choices, type Choice } from './menu-bot-fields';

/** The saved menu as the customer sees it, per language: the bubble text and its buttons or list rows. */
export interface MenuPreview {
  language: 'en' | 'ar';
  body: string;
  options: string[];
  /** Shown as a list message (more than 3 options, or a title too long for a button). */
  list: boolean;
}

export interface MenuBotMenuPageProps {
  page: PageContext;
  inboxId: string;
  menuId: string;
  values: MenuFormValues;
  menus: Choice[];
  teams: Choice[];
  previews: MenuPreview[];
  errors?: Record<string, string>;
  notice?: string;
}

/** /settings/bot/:inbox/menus/:menu: a menu's greeting and its up to 10 options, with a preview of the saved menu. */
export function MenuBotMenuPage({ page, inboxId, menuId, values, menus, teams, previews, errors = {}, notice }: MenuBotMenuPageProps) {
  const back = `/settings/bot?inbox=${encodeURIComponent(inboxId)}`;
  const followUps = choices([{ id: '', name: page.t('menuBot.settings.noFollowUp') }, ...menus.filter((m) => m.id !== menuId)]);
  const teamChoices = choices([{ id: '', name: page.t('menuBot.settings.noTeam') }, ...teams]);
  return (
    <SettingsShell page={page} title={page.t('menuBot.settings.menuTitle', { name: values.name })}>
      <p>
        <a href={back} safe>
          {page.t('menuBot.settings.back')}
        </a>
      </p>
      <h1 dir="auto" safe>
        {page.t('menuBot.settings.menuTitle', { name: values.name })}
      </h1>
      <Notice ok={notice} error={Object.keys(errors).length ? page.t('common.fixErrors') : undefined} />
      <section class="bot-previews" aria-label={page.t('menuBot.settings.preview')}>
        {previews.map((preview) => (
          <div class="bot-preview" lang={preview.language} dir={preview.language === 'ar' ? 'rtl' : 'ltr'}>
            <p class="bubble-text" safe>
              {preview.body}
            </p>
            <ul class={preview.list ? 'bot-preview-list' : 'bot-preview-buttons'}>
              {preview.options.map((option) => (
                <li safe>{option}</li>
              ))}
            </ul>
          </div>
        ))}
      </section>
      <form method="post" action={`/settings/bot/${encodeURIComponent(inboxId)}/menus/${encodeURIComponent(menuId)}`} class="card" novalidate>
        <CsrfField page={page} />
        <FormField page={page} name="name" label="menuBot.settings.menuName" value={values.name} error={errors.name} required dir="auto" />
        <BotTextArea
          page={page}
          name="greetingEn"
          label="menuBot.settings.greetingEn"
          hint="menuBot.settings.greetingHint"
          value={values.greetingEn}
          error={errors.greetingEn}
        />
        <BotTextArea page={page} name="greetingAr" label="menuBot.settings.greetingAr" value={values.greetingAr} error={errors.greetingAr} />
        {values.options.map((option, i) => (
          <OptionRow page={page} index={i} option={option} errors={errors} followUps={followUps} teams={teamChoices} />
        ))}
        <button type="submit" safe>
          {page.t('common.save')}
        </button>
      </form>
    </SettingsShell>
  );
}

function OptionRow({
  page,
  index,
  option,
  errors,
  followUps,
  teams,
}: {
  page: PageContext;
  index: number;
  option: OptionFormValues;
  errors: Record<string, string>;
  followUps: { value: string; label: string }[];
  teams: { value: string; label: string }[];
}) {
  const f = (name: string) => `o${index}_${name}`;
  const actions = [
    { value: '', label: page.t('menuBot.settings.action.none') },
    { value: 'answer', label: page.t('menuBot.settings.action.answer') },
    { value: 'ask', label: page.t('menuBot.settings.action.ask') },
    { value: 'route', label: page.t('menuBot.settings.action.route') },
  ];
  const open = option.action !== '' || Object.keys(errors).some((name) => name.startsWith(f('')));
  return (
    <details class="bot-option" open={open}>
      <summary dir="auto" safe>
        {[page.t('menuBot.settings.option', { n: index + 1 }), option.titleEn || option.titleAr].filter(Boolean).join(' · ')}
      </summary>
      <fieldset>
        <legend class="visually-hidden" safe>
          {page.t('menuBot.settings.option', { n: index + 1 })}
        </legend>
        <input type="hidden" name={f('id')} value={option.id} />
        <SelectField page={page} name={f('action')} label="menuBot.settings.action" options={actions} value={option.action} />
        <FormField page={page} name={f('titleEn')} label="menuBot.settings.titleEn" value={option.titleEn} error={errors[f('titleEn')]} dir="auto" />
        <FormField page={page} name={f('titleAr')} label="menuBot.settings.titleAr" value={option.titleAr} dir="auto" />
        <BotTextArea page={page} name={f('textEn')} label="menuBot.settings.textEn" value={option.textEn} error={errors[f('textEn')]} />
        <BotTextArea page={page} name={f('textAr')} label="menuBot.settings.textAr" value={option.textAr} />
        <SelectField page={page} name={f('followUp')} label="menuBot.settings.followUp" options={followUps} value={option.followUpMenuId} />
        <FormField
          page={page}
          name={f('attributeKey')}
          label="menuBot.settings.attributeKey"
          value={option.attributeKey}
          error={errors[f('attributeKey')]}
          dir="auto"
        />
        <label class="checkbox">
          <input type="checkbox" name={f('handOverAfter')} value="1" checked={option.handOverAfter} />{' '}
          <span safe>{page.t('menuBot.settings.handOverAfter')}</span>
        </label>
        <SelectField page={page} name={f('team')} label="menuBot.settings.topicTeam" options={teams} value={option.teamId} />
        <FormField page={page} name={f('value')} label="menuBot.settings.routeValue" value={option.value} error={errors[f('value')]} dir="auto" />
      </fieldset>
    </details>
  );
}

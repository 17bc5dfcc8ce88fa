import type { PageContext } from '../layout/page-context';
import type { SlaChoices } from '../../src/sla/sla-settings-view';
import type { SlaPolicyForm } from '../../src/sla/sla-policy-form';
import type { MessageKey } from '../../src/i18n/translate';
import { SettingsShell } from './settings-shell';
import { CsrfField, FormField, SelectField } from '../components/form-field';

export interface SlaPolicyPageView {
  /** null for a new policy. */
  policyId: string | null;
  form: SlaPolicyForm;
  /** Message keys by field name. */
  errors: Record<string, string>;
  choices: SlaChoices;
}

const TIERS = [1, 2, 3, 4];
const ACTIONS = ['raise_priority', 'reassign_team', 'reassign_user', 'notify_admins'] as const;
const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

/** The policy form: targets, clock, warning share, the rule that selects it and up to four escalation steps. */
export function SlaPolicyPage({ page, view }: { page: PageContext; view: SlaPolicyPageView }) {
  const f = (name: string) => view.form[name] ?? '';
  const any = { value: '', label: page.t('sla.any') };
  const options = (list: { id: string; name: string }[]) => list.map((c) => ({ value: c.id, label: c.name }));
  const title = view.policyId ? page.t('sla.settings.edit', { name: f('name') }) : page.t('sla.settings.new');
  const number = (name: string, label: MessageKey, hint?: MessageKey) => <FormField page={page} name={name} label={label} type="number" value={f(name)} error={view.errors[name]} hint={hint} />;
  return (
    <SettingsShell page={page} title={title}>
      <h1 dir="auto" safe>
        {title}
      </h1>
      <p>
        <a href="/settings/sla" safe>
          {page.t('sla.settings.back')}
        </a>
      </p>
      <form method="post" action={view.policyId ? `/settings/sla/${view.policyId}` : '/settings/sla'} class="card stack">
        <CsrfField page={page} />
        <FormField page={page} name="name" label="sla.field.name" value={f('name')} error={view.errors.name} required dir="auto" />
        {number('first_response', 'sla.field.firstResponse', 'sla.field.targetHint')}
        {number('next_response', 'sla.field.nextResponse')}
        {number('resolution', 'sla.field.resolution')}
        <SelectField
          page={page}
          name="clock"
          label="sla.field.clock"
          value={f('clock')}
          options={[
            { value: 'business', label: page.t('sla.clock.business') },
            { value: 'always', label: page.t('sla.clock.always') },
          ]}
        />
        <SelectField
          page={page}
          name="calendar"
          label="sla.field.calendar"
          value={f('calendar')}
          error={view.errors.calendar}
          options={[{ value: '', label: page.t('sla.calendar.inbox') }, ...options(view.choices.calendars)]}
        />
        {number('warning_percent', 'sla.field.warningPercent')}
        <div class="field">
          <label>
            <input type="checkbox" name="is_default" checked={f('is_default') === 'on'} />{' '}
            <span safe>{page.t('sla.field.isDefault')}</span>
          </label>
        </div>
        <fieldset>
          <legend safe>{page.t('sla.rule.legend')}</legend>
          {number('position', 'sla.field.position')}
          <SelectField page={page} name="match_priority" label="sla.field.priority" value={f('match_priority')} options={[any, ...PRIORITIES.map((p) => ({ value: p, label: page.t(`list.priority.${p}`) }))]} />
          <SelectField
            page={page}
            name="match_vip"
            label="sla.field.vip"
            value={f('match_vip')}
            options={[any, { value: 'yes', label: page.t('sla.vip.yes') }, { value: 'no', label: page.t('sla.vip.no') }]}
          />
          <SelectField page={page} name="match_team" label="sla.field.team" value={f('match_team')} error={view.errors.match_team} options={[any, ...options(view.choices.teams)]} />
          <SelectField page={page} name="match_inbox" label="sla.field.inbox" value={f('match_inbox')} error={view.errors.match_inbox} options={[any, ...options(view.choices.inboxes)]} />
          <SelectField page={page} name="match_label" label="sla.field.label" value={f('match_label')} error={view.errors.match_label} options={[any, ...options(view.choices.labels)]} />
        </fieldset>
        <fieldset>
          <legend safe>{page.t('sla.tiers.legend')}</legend>
          {TIERS.map((n) => (
            <fieldset class="sla-tier">
              <legend safe>{page.t('sla.tier.heading', { n: page.format.number(n) })}</legend>
              <SelectField
                page={page}
                name={`tier${n}_action`}
                label="sla.field.action"
                value={f(`tier${n}_action`)}
                options={[{ value: '', label: page.t('sla.action.none') }, ...ACTIONS.map((a) => ({ value: a, label: page.t(`sla.action.${a}`) }))]}
              />
              {number(`tier${n}_delay`, 'sla.field.delay')}
              <SelectField page={page} name={`tier${n}_team`} label="sla.field.tierTeam" value={f(`tier${n}_team`)} error={view.errors[`tier${n}_team`]} options={[any, ...options(view.choices.teams)]} />
              <SelectField page={page} name={`tier${n}_user`} label="sla.field.tierUser" value={f(`tier${n}_user`)} error={view.errors[`tier${n}_user`]} options={[any, ...options(view.choices.supervisors)]} />
            </fieldset>
          ))}
        </fieldset>
        <button type="submit" safe>
          {page.t('sla.settings.save')}
        </button>
      </form>
    </SettingsShell>
  );
}

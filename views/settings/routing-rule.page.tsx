import type { PageContext } from '../layout/page-context';
import type { RuleFormValues } from '../../src/assignment/routing-rule-form';
import { SettingsShell } from './settings-shell';
import { CsrfField } from '../components/form-field';
import { Checkboxes, Choice, FieldError, TextField } from './routing-rule-fields';

type Option = { id: string; name: string };

export interface RoutingRuleFormView {
  /** Absent for a new rule. */
  ruleId?: string;
  values: RuleFormValues;
  /** Field name → message key. */
  errors: Record<string, string>;
  teams: Option[];
  inboxes: Option[];
  labels: Option[];
  keywordModes: readonly string[];
  attributeOperators: readonly string[];
  priorities: readonly string[];
}

/** Add or edit one rule: its conditions, then its result. Refused input comes back here with errors beside fields. */
export function RoutingRulePage({ page, view }: { page: PageContext; view: RoutingRuleFormView }) {
  const title = page.t(view.ruleId ? 'routing.edit.title' : 'routing.new.title');
  const { values, errors } = view;
  const action = view.ruleId ? `/settings/routing/${view.ruleId}` : '/settings/routing';
  return (
    <SettingsShell page={page} title={title}>
      <p>
        <a class="back-link" href="/settings/routing" safe>
          {page.t('routing.title')}
        </a>
      </p>
      <h1 safe>{title}</h1>
      {view.teams.length === 0 ? (
        <p class="alert alert-error" role="alert" safe>
          {page.t('routing.form.noTeams')}
        </p>
      ) : (
        ''
      )}
      <form method="post" action={action} class="card routing-rule-form" novalidate>
        <CsrfField page={page} />
        <TextField page={page} name="name" label="routing.form.name" value={values.name} error={errors.name} maxlength={80} />
        <fieldset>
          <legend safe>{page.t('routing.form.when')}</legend>
          <p class="hint" safe>
            {page.t('routing.form.whenHint')}
          </p>
          <div class="field">
            <label for="field-keywords" safe>
              {page.t('routing.form.keywords')}
            </label>
            <textarea id="field-keywords" name="keywords" rows="3" dir="auto" aria-describedby="field-keywords-hint" aria-invalid={errors.keywords ? 'true' : undefined} safe>
              {values.keywords}
            </textarea>
            <span id="field-keywords-hint" class="hint" safe>
              {page.t('routing.form.keywordsHint')}
            </span>
            <FieldError page={page} error={errors.keywords} />
          </div>
          <Choice page={page} name="keyword_mode" label="routing.form.keywordMode" value={values.keyword_mode} error={errors.keyword_mode} options={view.keywordModes.map((mode) => [mode, `routing.mode.${mode}`])} />
          <Choice page={page} name="customer" label="routing.form.customer" value={values.customer} error={errors.customer} options={[['', 'routing.form.any'], ['new', 'routing.form.newCustomer'], ['returning', 'routing.form.returningCustomer']]} />
          <Choice page={page} name="vip" label="routing.form.vip" value={values.vip} error={errors.vip} options={[['', 'routing.form.any'], ['yes', 'routing.form.vipYes'], ['no', 'routing.form.vipNo']]} />
          <TextField page={page} name="languages" label="routing.form.languages" value={values.languages} error={errors.languages} hint="routing.form.languagesHint" dir="ltr" />
          <TextField page={page} name="tags" label="routing.form.tags" value={values.tags} error={errors.tags} hint="routing.form.tagsHint" />
          <fieldset class="attribute-row">
            <legend safe>{page.t('routing.form.attribute')}</legend>
            <TextField page={page} name="attribute_key" label="routing.form.attributeKey" value={values.attribute_key} error={errors.attribute_key} maxlength={60} />
            <Choice page={page} name="attribute_op" label="routing.form.attributeOp" value={values.attribute_op} error={errors.attribute_op} options={view.attributeOperators.map((op) => [op, `routing.op.${op}`])} />
            <TextField page={page} name="attribute_value" label="routing.form.attributeValue" value={values.attribute_value} error={errors.attribute_value} maxlength={100} />
          </fieldset>
          <Checkboxes page={page} name="inbox_ids" label="routing.form.inboxes" hint="routing.form.inboxesHint" options={view.inboxes} checked={values.inbox_ids} error={errors.inbox_ids} />
          <div class="field">
            <label for="field-menu_options" safe>
              {page.t('routing.form.menuOptions')}
            </label>
            <textarea id="field-menu_options" name="menu_options" rows="2" dir="auto" aria-invalid={errors.menu_options ? 'true' : undefined} safe>
              {values.menu_options}
            </textarea>
            <span class="hint" safe>
              {page.t('routing.form.menuOptionsHint')}
            </span>
            <FieldError page={page} error={errors.menu_options} />
          </div>
        </fieldset>
        <fieldset>
          <legend safe>{page.t('routing.form.then')}</legend>
          <Choice
            page={page}
            name="team_id"
            label="routing.form.team"
            value={values.team_id}
            error={errors.team_id}
            options={[['', 'routing.form.chooseTeam'], ...view.teams.map((team): [string, string, string] => [team.id, '', team.name])]}
          />
          <Choice
            page={page}
            name="priority"
            label="routing.form.priority"
            value={values.priority}
            error={errors.priority}
            hint="routing.form.priorityHint"
            options={[['', 'routing.form.keepPriority'], ...view.priorities.map((priority): [string, string] => [priority, `list.priority.${priority}`])]}
          />
          {view.labels.length === 0 ? (
            <p class="hint" safe>
              {page.t('routing.form.noLabels')}
            </p>
          ) : (
            <Checkboxes page={page} name="label_ids" label="routing.form.labels" options={view.labels} checked={values.label_ids} error={errors.label_ids} />
          )}
          <TextField page={page} name="required_skill" label="routing.form.skill" value={values.required_skill} error={errors.required_skill} hint="routing.form.skillHint" maxlength={40} />
        </fieldset>
        <div class="actions">
          <button type="submit" safe>
            {page.t(view.ruleId ? 'routing.form.save' : 'routing.form.create')}
          </button>
          <a class="button secondary" href="/settings/routing" safe>
            {page.t('common.cancel')}
          </a>
        </div>
      </form>
    </SettingsShell>
  );
}

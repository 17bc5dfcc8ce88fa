import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import { webContext } from '../accounts/web-context.plugin';
import { ADMIN_ONLY } from '../accounts/access-policy';
import { viewerActor } from '../accounts/request-actor';
import type { Viewer } from '../accounts/sessions';
import { formText, toFieldErrors } from '../platform/http/form-errors';
import { findInbox } from '../conversations/conversations.repository';
import { calendarForInbox } from '../conversations/inbox-calendar';
import { createInboxNotFoundError } from '../conversations/inbox-settings.errors';
import { autoRepliesFormSchema, automaticLimitFormSchema, KEYWORD_RULE_FIELDS, keywordRuleFormSchema } from './automation.schemas';
import { AUTO_REPLY_FIELDS, keywordRuleValues, listInboxChoices, loadAutomationPage, type AutoRepliesValues } from './automation-page-view';
import { saveAutoReplies, saveAutomaticLimit } from './save-auto-replies';
import { createKeywordRule, createRuleNotFoundError, deleteKeywordRule, editKeywordRule } from './save-keyword-rule';
import { findKeywordRule, nextRulePosition } from './keyword-rules.repository';
import type { PageContext } from '../../views/layout/page-context';
import { AutomationPage, type AutomationPageProps } from '../../views/settings/automation.page';
import { KeywordRulePage } from '../../views/settings/automation-rule.page';
import { SettingsShell } from '../../views/settings/settings-shell';

const PAGE = '/settings/automation';

const formValues = <K extends string>(body: unknown, names: readonly K[]) => Object.fromEntries(names.map((name) => [name, formText(body, name)])) as Record<K, string>;

/** /settings/automation: admins set each number's auto-replies and keyword replies, and the 24-hour limit. */
export function automationRoutes(deps: AppDeps) {
  const actorOf = ({ viewer, clientIp, request }: { viewer?: Viewer; clientIp: string; request: Request }) => viewerActor(viewer!, clientIp, request);

  const inboxOrThrow = (inboxId: string) => {
    const inbox = findInbox(deps.db, inboxId);
    if (!inbox) throw createInboxNotFoundError();
    return inbox;
  };

  const ruleOf = (inboxId: string, ruleId: string) => {
    const rule = findKeywordRule(deps.db, ruleId);
    // A rule is edited from its own inbox's tab, or from any tab when it applies to all inboxes.
    if (!rule || (rule.inboxId !== null && rule.inboxId !== inboxId)) throw createRuleNotFoundError();
    return rule;
  };

  const automationPage = (page: PageContext, inboxId: string, extra: Omit<AutomationPageProps, 'page' | 'data'> & { replies?: AutoRepliesValues; limit?: string } = {}) => {
    inboxOrThrow(inboxId);
    const data = loadAutomationPage(deps.db, inboxId, calendarForInbox(deps.db, inboxId), deps.clock.now(), extra.replies);
    return <AutomationPage page={page} data={extra.limit !== undefined ? { ...data, limit: extra.limit } : data} errors={extra.errors} notice={extra.notice} />;
  };

  return new Elysia()
    .use(webContext(deps))
    .get(
      PAGE,
      ({ page, redirect }) => {
        const [first] = listInboxChoices(deps.db);
        if (first) return redirect(`${PAGE}/${encodeURIComponent(first.id)}`, 303);
        return (
          <SettingsShell page={page} title={page.t('automation.title')}>
            <h1 safe>{page.t('automation.title')}</h1>
            <p class="card muted" safe>
              {page.t('automation.noInboxes')}
            </p>
          </SettingsShell>
        );
      },
      { access: ADMIN_ONLY },
    )
    .post(
      `${PAGE}/limit`,
      (ctx) => {
        const inboxId = formText(ctx.body, 'inbox');
        const values = { perDay: formText(ctx.body, 'perDay') };
        const parsed = automaticLimitFormSchema.safeParse(values);
        if (!parsed.success) {
          ctx.set.status = 422;
          return automationPage(ctx.page, inboxId, { errors: { limit: toFieldErrors(parsed.error) }, limit: values.perDay });
        }
        inboxOrThrow(inboxId);
        saveAutomaticLimit(parsed.data.perDay, actorOf(ctx), deps);
        return ctx.redirect(`${PAGE}/${encodeURIComponent(inboxId)}?saved=limit`, 303);
      },
      { access: ADMIN_ONLY },
    )
    .get(
      `${PAGE}/:inboxId`,
      ({ page, params, query }) => {
        const notice = query.saved === 'limit' ? page.t('automation.limit.saved') : query.saved === 'rule' ? page.t('automation.ruleForm.saved') : query.saved === 'deleted' ? page.t('automation.ruleForm.deleted') : query.saved ? page.t('automation.saved') : undefined;
        return automationPage(page, params.inboxId, { notice });
      },
      { access: ADMIN_ONLY },
    )
    .post(
      `${PAGE}/:inboxId/replies`,
      (ctx) => {
        const inboxId = ctx.params.inboxId;
        inboxOrThrow(inboxId);
        const values = formValues(ctx.body, AUTO_REPLY_FIELDS);
        const parsed = autoRepliesFormSchema.safeParse(values);
        if (!parsed.success) {
          ctx.set.status = 422;
          return automationPage(ctx.page, inboxId, { errors: { replies: toFieldErrors(parsed.error) }, replies: values });
        }
        saveAutoReplies(inboxId, parsed.data, actorOf(ctx), deps);
        return ctx.redirect(`${PAGE}/${encodeURIComponent(inboxId)}?saved=1`, 303);
      },
      { access: ADMIN_ONLY },
    )
    .get(
      `${PAGE}/:inboxId/rules/new`,
      ({ page, params }) => {
        const inbox = inboxOrThrow(params.inboxId);
        return <KeywordRulePage page={page} inboxId={inbox.id} inboxName={inbox.name} values={keywordRuleValues(undefined, nextRulePosition(deps.db, inbox.id))} />;
      },
      { access: ADMIN_ONLY },
    )
    .post(
      `${PAGE}/:inboxId/rules`,
      (ctx) => {
        const inbox = inboxOrThrow(ctx.params.inboxId);
        const values = formValues(ctx.body, KEYWORD_RULE_FIELDS);
        const parsed = keywordRuleFormSchema(inbox.id).safeParse(values);
        if (!parsed.success) {
          ctx.set.status = 422;
          return <KeywordRulePage page={ctx.page} inboxId={inbox.id} inboxName={inbox.name} values={values} errors={toFieldErrors(parsed.error)} />;
        }
        createKeywordRule(parsed.data, actorOf(ctx), deps);
        return ctx.redirect(`${PAGE}/${encodeURIComponent(inbox.id)}?saved=rule`, 303);
      },
      { access: ADMIN_ONLY },
    )
    .get(
      `${PAGE}/:inboxId/rules/:ruleId`,
      ({ page, params }) => {
        const inbox = inboxOrThrow(params.inboxId);
        const rule = ruleOf(inbox.id, params.ruleId);
        return <KeywordRulePage page={page} inboxId={inbox.id} inboxName={inbox.name} ruleId={rule.id} values={keywordRuleValues(rule, rule.position)} />;
      },
      { access: ADMIN_ONLY },
    )
    .post(
      `${PAGE}/:inboxId/rules/:ruleId`,
      (ctx) => {
        const inbox = inboxOrThrow(ctx.params.inboxId);
        const rule = ruleOf(inbox.id, ctx.params.ruleId);
        const values = formValues(ctx.body, KEYWORD_RULE_FIELDS);
        const parsed = keywordRuleFormSchema(inbox.id).safeParse(values);
        if (!parsed.success) {
          ctx.set.status = 422;
          return <KeywordRulePage page={ctx.page} inboxId={inbox.id} inboxName={inbox.name} ruleId={rule.id} values={values} errors={toFieldErrors(parsed.error)} />;
        }
        editKeywordRule(rule.id, parsed.data, actorOf(ctx), deps);
        return ctx.redirect(`${PAGE}/${encodeURIComponent(inbox.id)}?saved=rule`, 303);
      },
      { access: ADMIN_ONLY },
    )
    .post(
      `${PAGE}/:inboxId/rules/:ruleId/delete`,
      (ctx) => {
        const inbox = inboxOrThrow(ctx.params.inboxId);
        const rule = ruleOf(inbox.id, ctx.params.ruleId);
        deleteKeywordRule(rule.id, actorOf(ctx), deps);
        return ctx.redirect(`${PAGE}/${encodeURIComponent(inbox.id)}?saved=deleted`, 303);
      },
      { access: ADMIN_ONLY },
    );
}

import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import { webContext } from '../accounts/web-context.plugin';
import { MANAGERS } from '../accounts/access-policy';
import { viewerActor } from '../accounts/request-actor';
import type { Viewer } from '../accounts/sessions';
import { formText } from '../platform/http/form-errors';
import { HTMX_VARY, isPartialRequest } from '../platform/http/htmx';
import type { PageContext } from '../../views/layout/page-context';
import { RoutingPage } from '../../views/settings/routing.page';
import { RoutingRulePage } from '../../views/settings/routing-rule.page';
import { RoutingDeletePage } from '../../views/settings/routing-delete.page';
import { RoutingTestResult } from '../../views/settings/routing-test-box';
import { findRoutingRule } from './routing-rules.repository';
import { EMPTY_RULE_FORM, formValuesOf, readRuleForm } from './routing-rule-form';
import { createRoutingRule, createRuleNotFoundError, deleteRoutingRule, moveRoutingRule, setRoutingRuleEnabled, updateRoutingRule } from './manage-routing-rules';
import { routingPageView, ruleFormView } from './routing-page-view';
import { EMPTY_TRIAL, readTrial, tryRouting } from './try-routing';

const PAGE = '/settings/routing';

type Ctx = { viewer?: Viewer; clientIp: string; request: Request };

/** /settings/routing: admins and supervisors order, edit and try the routing rules (first match wins). */
export function routingRulesRoutes(deps: AppDeps) {
  const actorOf = ({ viewer, clientIp, request }: Ctx) => viewerActor(viewer!, clientIp, request);
  const listPage = (page: PageContext, saved = false) => <RoutingPage page={page} view={routingPageView(deps.db, { trial: EMPTY_TRIAL }, saved)} />;
  const ruleOf = (id: string) => {
    const rule = findRoutingRule(deps.db, id);
    if (!rule) throw createRuleNotFoundError();
    return rule;
  };

  return new Elysia()
    .use(webContext(deps))
    .get(PAGE, ({ page, query }) => listPage(page, query.saved === '1'), { access: MANAGERS })
    .get(`${PAGE}/new`, ({ page }) => <RoutingRulePage page={page} view={ruleFormView(deps.db, EMPTY_RULE_FORM)} />, { access: MANAGERS })
    .post(
      PAGE,
      (ctx) => {
        const values = readRuleForm(ctx.body);
        const result = createRoutingRule(values, actorOf(ctx), deps);
        if (result.ok) return ctx.redirect(`${PAGE}?saved=1`, 303);
        ctx.set.status = 422;
        return <RoutingRulePage page={ctx.page} view={ruleFormView(deps.db, values, result.errors)} />;
      },
      { access: MANAGERS },
    )
    .post(
      `${PAGE}/test`,
      ({ page, body, request, set }) => {
        const trial = readTrial(body);
        const result = tryRouting(deps.db, trial);
        set.headers.vary = HTMX_VARY;
        if (isPartialRequest(request.headers)) return <RoutingTestResult page={page} result={result} />;
        return <RoutingPage page={page} view={routingPageView(deps.db, { trial, result })} />;
      },
      { access: MANAGERS },
    )
    .get(`${PAGE}/:id/edit`, ({ page, params }) => <RoutingRulePage page={page} view={ruleFormView(deps.db, formValuesOf(ruleOf(params.id)), {}, params.id)} />, {
      access: MANAGERS,
    })
    .post(
      `${PAGE}/:id`,
      (ctx) => {
        const values = readRuleForm(ctx.body);
        const result = updateRoutingRule(ctx.params.id, values, actorOf(ctx), deps);
        if (result.ok) return ctx.redirect(`${PAGE}?saved=1`, 303);
        ctx.set.status = 422;
        return <RoutingRulePage page={ctx.page} view={ruleFormView(deps.db, values, result.errors, ctx.params.id)} />;
      },
      { access: MANAGERS },
    )
    .get(`${PAGE}/:id/delete`, ({ page, params }) => <RoutingDeletePage page={page} rule={ruleOf(params.id)} />, { access: MANAGERS })
    .post(
      `${PAGE}/:id/delete`,
      (ctx) => {
        deleteRoutingRule(ctx.params.id, actorOf(ctx), deps);
        return ctx.redirect(PAGE, 303);
      },
      { access: MANAGERS },
    )
    .post(
      `${PAGE}/:id/move`,
      (ctx) => {
        moveRoutingRule(ctx.params.id, formText(ctx.body, 'direction') === 'up' ? 'up' : 'down', actorOf(ctx), deps);
        return ctx.redirect(`${PAGE}#rule-${ctx.params.id}`, 303);
      },
      { access: MANAGERS },
    )
    .post(
      `${PAGE}/:id/enabled`,
      (ctx) => {
        setRoutingRuleEnabled(ctx.params.id, formText(ctx.body, 'enabled') === '1', actorOf(ctx), deps);
        return ctx.redirect(`${PAGE}#rule-${ctx.params.id}`, 303);
      },
      { access: MANAGERS },
    );
}

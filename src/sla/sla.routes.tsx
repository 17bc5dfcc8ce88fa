import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import { webContext } from '../accounts/web-context.plugin';
import { ADMIN_ONLY } from '../accounts/access-policy';
import { viewerActor } from '../accounts/request-actor';
import { formText } from '../platform/http/form-errors';
import type { PageContext } from '../../views/layout/page-context';
import { SlaPage } from '../../views/settings/sla.page';
import { SlaPolicyPage } from '../../views/settings/sla-policy.page';
import { deleteSlaPolicy, saveSlaPolicy } from './manage-sla-policies';
import { findSlaPolicy } from './sla-policies.repository';
import { parseSlaPolicyForm, policyToForm, readSlaForm, type SlaPolicyForm } from './sla-policy-form';
import { choiceIds, slaChoices, slaPolicyRows } from './sla-settings-view';
import { createErrorFactory } from '../platform/errors';

const PAGE = '/settings/sla';
const notFound = createErrorFactory({ code: 'sla.not_found', status: 404, messageKey: 'sla.error.unknown' });
const html = (body: JSX.Element, status = 200) => new Response(String(body), { status, headers: { 'content-type': 'text/html; charset=utf-8' } });

/** /settings/sla: admins list, add, edit and delete SLA policies (targets, clock, warning, escalation, rule). */
export function slaRoutes(deps: AppDeps) {
  const formPage = (page: PageContext, policyId: string | null, form: SlaPolicyForm, errors: Record<string, string> = {}, status = 200) =>
    html(<SlaPolicyPage page={page} view={{ policyId, form, errors, choices: slaChoices(deps.db) }} />, status);
  const save = (page: PageContext, policyId: string | null, body: unknown, actor: ReturnType<typeof viewerActor>) => {
    const form = readSlaForm((name) => formText(body, name));
    const parsed = parseSlaPolicyForm(form, choiceIds(slaChoices(deps.db)));
    if (!parsed.ok) return formPage(page, policyId, form, parsed.errors, 422);
    saveSlaPolicy(parsed.value, policyId, actor, deps);
    return null;
  };
  return new Elysia()
    .use(webContext(deps))
    .get(PAGE, ({ page }) => html(<SlaPage page={page} rows={slaPolicyRows(deps.db, slaChoices(deps.db))} />), { access: ADMIN_ONLY })
    .get(`${PAGE}/new`, ({ page }) => formPage(page, null, { warning_percent: '80', clock: 'business' }), { access: ADMIN_ONLY })
    .post(PAGE, ({ page, body, viewer, clientIp, request, redirect }) => save(page, null, body, viewerActor(viewer!, clientIp, request)) ?? redirect(PAGE, 303), { access: ADMIN_ONLY })
    .get(
      `${PAGE}/:id`,
      ({ page, params }) => {
        const policy = findSlaPolicy(deps.db, params.id);
        if (!policy) throw notFound();
        return formPage(page, policy.id, policyToForm(policy));
      },
      { access: ADMIN_ONLY },
    )
    .post(
      `${PAGE}/:id`,
      ({ page, params, body, viewer, clientIp, request, redirect }) => {
        if (!findSlaPolicy(deps.db, params.id)) throw notFound();
        return save(page, params.id, body, viewerActor(viewer!, clientIp, request)) ?? redirect(PAGE, 303);
      },
      { access: ADMIN_ONLY },
    )
    .post(
      `${PAGE}/:id/delete`,
      ({ params, viewer, clientIp, request, redirect }) => {
        deleteSlaPolicy(params.id, viewerActor(viewer!, clientIp, request), deps);
        return redirect(PAGE, 303);
      },
      { access: ADMIN_ONLY },
    );
}

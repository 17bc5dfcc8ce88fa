import { Elysia } from 'elysia';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { webContext } from '../../accounts/web-context.plugin';
import { ADMIN_ONLY, INBOX_USERS } from '../../accounts/access-policy';
import { viewerActor } from '../../accounts/request-actor';
import { users } from '../../accounts/accounts.tables';
import { ensureCanViewConversation } from '../../conversations/conversation-access';
import { formText, toFieldErrors } from '../../platform/http/form-errors';
import { csatSettingsSchema, getCsatSettings, saveCsatSettings, type CsatSettings } from './csat-settings';
import { findSurveyByConversation } from './csat.repository';
import { CsatSettingsPage, type CsatSettingsValues } from '../../../views/csat/csat-settings.page';
import { CsatRatingFragment } from '../../../views/csat/csat-rating.fragment';

const TEXT_FIELDS = ['format', 'questionEn', 'questionAr', 'commentEn', 'commentAr', 'thanksEn', 'thanksAr', 'answerMinutes'] as const;

const valuesOf = (settings: CsatSettings): CsatSettingsValues => ({ ...settings, answerMinutes: String(settings.answerMinutes) });

/** /settings/csat (admins) and the rating panel a conversation page loads (anyone who may see the conversation). */
export function csatRoutes(deps: AppDeps) {
  return new Elysia()
    .use(webContext(deps))
    .get('/settings/csat', ({ page, query }) => <CsatSettingsPage page={page} values={valuesOf(getCsatSettings(deps.db))} notice={query.saved === '1' ? page.t('common.saved') : undefined} />, {
      access: ADMIN_ONLY,
    })
    .post(
      '/settings/csat',
      ({ page, body, set, viewer, clientIp, request, redirect }) => {
        const typed = Object.fromEntries(TEXT_FIELDS.map((name) => [name, formText(body, name)])) as Record<(typeof TEXT_FIELDS)[number], string>;
        const form = body as Record<string, unknown> | null;
        const values: CsatSettingsValues = { ...typed, enabled: form?.enabled === 'on', askComment: form?.askComment === 'on' };
        const parsed = csatSettingsSchema.safeParse(values);
        if (!parsed.success) {
          set.status = 422;
          return <CsatSettingsPage page={page} values={values} errors={toFieldErrors(parsed.error)} />;
        }
        saveCsatSettings(parsed.data, viewerActor(viewer!, clientIp, request), deps);
        return redirect('/settings/csat?saved=1', 303);
      },
      { access: ADMIN_ONLY },
    )
    .get(
      '/conversations/:id/csat',
      ({ page, params, viewer }) => {
        ensureCanViewConversation(deps.db, viewer!, params.id);
        const survey = findSurveyByConversation(deps.db, params.id);
        const agentName = survey?.agentId ? (deps.db.select({ name: users.name }).from(users).where(eq(users.id, survey.agentId)).get()?.name ?? null) : null;
        return <CsatRatingFragment page={page} survey={survey ? { rating: survey.rating, comment: survey.comment, agentName } : null} />;
      },
      { access: INBOX_USERS },
    );
}

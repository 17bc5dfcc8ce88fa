import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import { webContext } from '../accounts/web-context.plugin';
import { ADMIN_ONLY, MANAGERS } from '../accounts/access-policy';
import { viewerActor } from '../accounts/request-actor';
import type { Viewer } from '../accounts/sessions';
import { isAppError } from '../platform/errors';
import { formText, toFieldErrors, type FieldErrors } from '../platform/http/form-errors';
import type { TeamEditor } from './teams.deps';
import { createMemberUnavailableError, createTeamNameTakenError } from './teams.errors';
import { listTeamIdsOfUser, listTeamMembers, listTeamsWithMemberCounts, listUsersOutsideTeam } from './teams.repository';
import { mayManageTeam, requireManageableTeam } from './team-access';
import { createTeam } from './create-team';
import { updateTeam } from './update-team';
import { deleteTeam } from './delete-team';
import { addTeamMember, removeTeamMember } from './change-team-members';
import { updateTeamPolicy } from './update-team-policy';
import { findTeamPolicy, listCalendarChoices } from './team-policies.repository';
import { isNoticeField, noticePreview, noticePreviews, policyToForm } from './team-policy-form';
import type { TeamPolicyForm } from './team-policy.schemas';
import type { PageContext } from '../../views/layout/page-context';
import { NoticePreviewBody } from '../../views/settings/team-assignment-card';
import { TeamsPage, type TeamForm } from '../../views/settings/teams.page';
import { TeamPage, type TeamView } from '../../views/settings/team.page';

const PAGE = '/settings/teams';

/** /settings/teams: admins manage every team; supervisors create teams and manage the ones they belong to. */
export function teamsRoutes(deps: AppDeps) {
  const editorOf = ({ viewer, clientIp, request }: { viewer?: Viewer; clientIp: string; request: Request }): TeamEditor => ({
    actor: viewerActor(viewer!, clientIp, request),
    role: viewer!.user.role,
  });

  const listPage = (page: PageContext, viewer: Viewer, extra: { form?: TeamForm; notice?: string } = {}) => {
    const mine = new Set(listTeamIdsOfUser(deps.db, viewer.user.id));
    const teams = listTeamsWithMemberCounts(deps.db).map((team) => ({ ...team, manageable: mayManageTeam(viewer.user.role, mine.has(team.id)) }));
    return <TeamsPage page={page} teams={teams} form={extra.form ?? { name: '', description: '' }} notice={extra.notice} />;
  };

  const assignmentView = (page: PageContext, teamId: string, form: TeamPolicyForm, errors?: FieldErrors) => ({
    action: `${PAGE}/${teamId}/assignment`,
    previewAction: `${PAGE}/${teamId}/assignment/preview`,
    form,
    errors,
    calendars: listCalendarChoices(deps.db),
    previews: noticePreviews(form, page.user?.name ?? ''),
  });

  const teamPage = (page: PageContext, editor: TeamEditor, teamId: string, extra: Partial<TeamView> = {}) => {
    const team = requireManageableTeam(deps.db, teamId, editor);
    const view: TeamView = {
      assignment: assignmentView(page, teamId, policyToForm(findTeamPolicy(deps.db, teamId))),
      team,
      form: { name: team.name, description: team.description },
      members: listTeamMembers(deps.db, teamId),
      candidates: listUsersOutsideTeam(deps.db, teamId),
      canDelete: editor.role === 'admin',
      ...extra,
    };
    return <TeamPage page={page} view={view} />;
  };

  return new Elysia()
    .use(webContext(deps))
    .get(PAGE, ({ page, viewer, query }) => listPage(page, viewer!, { notice: query.deleted === '1' ? page.t('teams.deleted') : undefined }), {
      access: MANAGERS,
    })
    .post(
      PAGE,
      (ctx) => {
        const form = { name: formText(ctx.body, 'name'), description: formText(ctx.body, 'description') };
        try {
          const { teamId } = createTeam(form, editorOf(ctx), deps);
          return ctx.redirect(`${PAGE}/${teamId}`, 303);
        } catch (error) {
          ctx.set.status = 422;
          return listPage(ctx.page, ctx.viewer!, { form: { ...form, errors: teamFieldErrors(error) } });
        }
      },
      { access: MANAGERS },
    )
    .get(`${PAGE}/:id`, (ctx) => teamPage(ctx.page, editorOf(ctx), ctx.params.id, { notice: savedNotice(ctx.page, ctx.query.saved) }), {
      access: MANAGERS,
    })
    .post(
      `${PAGE}/:id/assignment`,
      (ctx) => {
        const form = policyFormOf(ctx.body);
        const editor = editorOf(ctx);
        try {
          updateTeamPolicy({ teamId: ctx.params.id, form }, editor, deps);
          return ctx.redirect(`${PAGE}/${ctx.params.id}?saved=assignment#assignment`, 303);
        } catch (error) {
          const errors = toFieldErrors(error);
          if (!errors) throw error;
          ctx.set.status = 422;
          return teamPage(ctx.page, editor, ctx.params.id, { assignment: assignmentView(ctx.page, ctx.params.id, form, errors) });
        }
      },
      { access: MANAGERS },
    )
    .post(
      `${PAGE}/:id/assignment/preview`,
      (ctx) => {
        requireManageableTeam(deps.db, ctx.params.id, editorOf(ctx));
        const field = typeof ctx.query.field === 'string' && isNoticeField(ctx.query.field) ? ctx.query.field : 'assignedEn';
        return <NoticePreviewBody page={ctx.page} preview={noticePreview(field, formText(ctx.body, field), ctx.page.user?.name ?? '')} />;
      },
      { access: MANAGERS },
    )
    .post(
      `${PAGE}/:id`,
      (ctx) => {
        const form = { name: formText(ctx.body, 'name'), description: formText(ctx.body, 'description') };
        const editor = editorOf(ctx);
        try {
          updateTeam({ teamId: ctx.params.id, ...form }, editor, deps);
          return ctx.redirect(`${PAGE}/${ctx.params.id}?saved=1`, 303);
        } catch (error) {
          ctx.set.status = 422;
          return teamPage(ctx.page, editor, ctx.params.id, { form: { ...form, errors: teamFieldErrors(error) } });
        }
      },
      { access: MANAGERS },
    )
    .post(
      `${PAGE}/:id/delete`,
      (ctx) => {
        deleteTeam({ teamId: ctx.params.id }, editorOf(ctx), deps);
        return ctx.redirect(`${PAGE}?deleted=1`, 303);
      },
      { access: ADMIN_ONLY },
    )
    .post(
      `${PAGE}/:id/members`,
      (ctx) => {
        const editor = editorOf(ctx);
        try {
          addTeamMember({ teamId: ctx.params.id, userId: formText(ctx.body, 'userId') }, editor, deps);
        } catch (error) {
          if (!isAppError(error) || error.code !== createMemberUnavailableError().code) throw error;
          ctx.set.status = 422;
          ctx.set.headers['hx-push-url'] = `${PAGE}/${ctx.params.id}`;
          return teamPage(ctx.page, editor, ctx.params.id, { memberError: error.messageKey });
        }
        return ctx.redirect(`${PAGE}/${ctx.params.id}`, 303);
      },
      { access: MANAGERS },
    )
    .post(
      `${PAGE}/:id/members/:userId/remove`,
      (ctx) => {
        removeTeamMember({ teamId: ctx.params.id, userId: ctx.params.userId }, editorOf(ctx), deps);
        return ctx.redirect(`${PAGE}/${ctx.params.id}`, 303);
      },
      { access: MANAGERS },
    );
}

const POLICY_FIELDS: (keyof TeamPolicyForm)[] = ['strategy', 'onlyOnline', 'defaultCapacity', 'stickyEnabled', 'stickyDays', 'vipToOwner', 'calendarId', 'assignedEnabled', 'assignedEn', 'assignedAr', 'queuedEnabled', 'queuedEn', 'queuedAr'];

const policyFormOf = (body: unknown): TeamPolicyForm => Object.fromEntries(POLICY_FIELDS.map((name) => [name, formText(body, name)])) as TeamPolicyForm;

const savedNotice = (page: PageContext, saved: unknown): string | undefined =>
  saved === '1' ? page.t('teams.saved') : saved === 'assignment' ? page.t('routingPolicy.saved') : undefined;

/** Form problems as field errors; anything else (not allowed, no such team) is rethrown for the error page. */
function teamFieldErrors(error: unknown): FieldErrors {
  const fields = toFieldErrors(error) ?? (isAppError(error) && error.code === createTeamNameTakenError().code ? { name: error.messageKey } : undefined);
  if (!fields) throw error;
  return fields;
}

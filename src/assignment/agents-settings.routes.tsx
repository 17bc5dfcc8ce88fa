import { Elysia } from 'elysia';
import { and, count, eq, isNotNull } from 'drizzle-orm';
import type { AppDeps } from '../deps';
import type { Db } from '../platform/db/client';
import { webContext } from '../accounts/web-context.plugin';
import { MANAGERS } from '../accounts/access-policy';
import { viewerActor } from '../accounts/request-actor';
import type { Viewer } from '../accounts/sessions';
import { formText, toFieldErrors, type FieldErrors } from '../platform/http/form-errors';
import { isPartialRequest } from '../platform/http/htmx';
import type { TeamEditor } from '../teams/teams.deps';
import { listAgentRouting, listCalendarChoices, type StoredAgentRouting } from '../teams/team-policies.repository';
import { mayManageAgent, updateAgentRouting } from '../teams/agent-routing';
import type { AgentRoutingForm } from '../teams/team-policy.schemas';
import { listAgentPresence } from '../live/presence.repository';
import { conversations } from '../conversations/conversations.tables';
import type { PageContext } from '../../views/layout/page-context';
import { AgentRow, AgentsPage, type AgentRowView } from '../../views/settings/agents.page';

const PAGE = '/settings/agents';

/** Open conversations per assignee right now (what capacity is measured against). */
function openCountsByAgent(db: Db): Map<string, number> {
  const rows = db
    .select({ userId: conversations.assigneeId, n: count() })
    .from(conversations)
    .where(and(eq(conversations.status, 'open'), isNotNull(conversations.assigneeId)))
    .groupBy(conversations.assigneeId)
    .all();
  return new Map(rows.map((row) => [row.userId!, row.n]));
}

const routingToForm = (routing: StoredAgentRouting | undefined): AgentRoutingForm => ({
  capacity: routing?.capacity === null || routing?.capacity === undefined ? '' : String(routing.capacity),
  skills: (routing?.skills ?? []).join(', '),
  shiftCalendarId: routing?.shiftCalendarId ?? '',
});

/** /settings/agents: admins and supervisors see every inbox user's status and load and set their routing facts. */
export function agentsSettingsRoutes(deps: AppDeps) {
  const editorOf = ({ viewer, clientIp, request }: { viewer?: Viewer; clientIp: string; request: Request }): TeamEditor => ({
    actor: viewerActor(viewer!, clientIp, request),
    role: viewer!.user.role,
  });

  const rows = (editor: TeamEditor, override?: { userId: string; form: AgentRoutingForm; errors?: FieldErrors; saved?: boolean }): AgentRowView[] => {
    const routing = listAgentRouting(deps.db);
    const open = openCountsByAgent(deps.db);
    return listAgentPresence(deps.db, deps.clock.now()).map((agent) => {
      const own = override?.userId === agent.userId ? override : undefined;
      return {
        userId: agent.userId,
        name: agent.name,
        status: agent.status,
        openCount: open.get(agent.userId) ?? 0,
        form: own?.form ?? routingToForm(routing.get(agent.userId)),
        editable: mayManageAgent(deps.db, editor, agent.userId),
        errors: own?.errors,
        saved: own?.saved,
      };
    });
  };

  const render = (page: PageContext, editor: TeamEditor, request: Request, override: Parameters<typeof rows>[1], notice?: string) => {
    const calendars = listCalendarChoices(deps.db);
    const all = rows(editor, override);
    const row = all.find((r) => r.userId === override?.userId);
    if (row && isPartialRequest(request.headers)) return <AgentRow page={page} row={row} calendars={calendars} />;
    return <AgentsPage page={page} view={{ rows: all, calendars, notice }} />;
  };

  return new Elysia()
    .use(webContext(deps))
    .get(PAGE, (ctx) => render(ctx.page, editorOf(ctx), ctx.request, undefined, ctx.query.saved === '1' ? ctx.page.t('routingPolicy.agents.saved') : undefined), { access: MANAGERS })
    .post(
      `${PAGE}/:id`,
      (ctx) => {
        const form: AgentRoutingForm = { capacity: formText(ctx.body, 'capacity'), skills: formText(ctx.body, 'skills'), shiftCalendarId: formText(ctx.body, 'shiftCalendarId') };
        const editor = editorOf(ctx);
        const userId = ctx.params.id;
        try {
          const { routing } = updateAgentRouting({ userId, form }, editor, deps);
          if (!isPartialRequest(ctx.request.headers)) return ctx.redirect(`${PAGE}?saved=1`, 303);
          return render(ctx.page, editor, ctx.request, { userId, form: routingToForm(routing), saved: true });
        } catch (error) {
          const errors = toFieldErrors(error);
          if (!errors) throw error;
          ctx.set.status = 422;
          return render(ctx.page, editor, ctx.request, { userId, form, errors });
        }
      },
      { access: MANAGERS },
    );
}

import { Elysia } from 'elysia';
import type { AppDeps } from '../../deps';
import { webContext } from '../../accounts/web-context.plugin';
import { ADMIN_ONLY } from '../../accounts/access-policy';
import { viewerActor } from '../../accounts/request-actor';
import { recordAudit } from '../../audit/record-audit';
import { createErrorFactory } from '../../platform/errors';
import { JOURNAL_STATUSES } from './whatsapp.tables';
import { countJournalRowsByStatus, findJournalRow, listJournalRows, type JournalStatus } from './webhook-journal.repository';
import { replayJournalRow } from './inbound/process-webhook-journal';
import { parseWebhookJson } from './inbound/json-depth';
import { WebhookLogPage } from '../../../views/settings/webhook-log.page';
import { WebhookEntryPage } from '../../../views/settings/webhook-log-entry.page';

const PAGE_SIZE = 50;
/** Bodies can be 3 MB; the page shows the start, the rest is still in the journal. */
const SHOWN_BODY_CHARS = 200_000;
const JOURNAL_ID = /^whk_[0-9a-z]{26}$/;
const createWebhookNotFoundError = createErrorFactory({ code: 'webhooks.not_found', status: 404, messageKey: 'webhooks.notFound' });

/** /settings/webhooks: the journal of every webhook Meta delivered, its raw body, and replay. Admins only. */
export function webhookLogRoutes(deps: AppDeps) {
  return new Elysia()
    .use(webContext(deps))
    .get(
      '/settings/webhooks',
      ({ page, query }) => {
        const status = (JOURNAL_STATUSES as readonly string[]).includes(query.status ?? '') ? (query.status as JournalStatus) : '';
        const before = query.before && JOURNAL_ID.test(query.before) ? query.before : undefined;
        const found = listJournalRows(deps.db, { status: status || undefined, before, limit: PAGE_SIZE + 1 });
        const rows = found.slice(0, PAGE_SIZE).map((r) => ({ ...r, counts: readSummary(r.summary).counts }));
        const olderThan = found.length > PAGE_SIZE ? rows.at(-1)?.id : undefined;
        return <WebhookLogPage page={page} view={{ rows, status, totals: countJournalRowsByStatus(deps.db), olderThan, paged: before !== undefined }} />;
      },
      { access: ADMIN_ONLY },
    )
    .get(
      '/settings/webhooks/:id',
      ({ page, params, query }) => {
        const row = JOURNAL_ID.test(params.id) ? findJournalRow(deps.db, params.id) : undefined;
        if (!row) throw createWebhookNotFoundError();
        const parsed = parseWebhookJson(row.body);
        const text = parsed.ok ? JSON.stringify(parsed.value, null, 2) : row.body;
        const summary = readSummary(row.summary);
        return (
          <WebhookEntryPage
            page={page}
            view={{
              ...row,
              counts: summary.counts,
              notes: summary.notes,
              body: text.slice(0, SHOWN_BODY_CHARS),
              truncated: text.length > SHOWN_BODY_CHARS,
              notice: query.replayed ? page.t('webhooks.replayed') : undefined,
            }}
          />
        );
      },
      { access: ADMIN_ONLY },
    )
    .post(
      '/settings/webhooks/:id/replay',
      ({ params, viewer, clientIp, request, redirect }) => {
        const outcome = JOURNAL_ID.test(params.id) ? replayJournalRow(deps, params.id) : null;
        if (!outcome) throw createWebhookNotFoundError();
        recordAudit(deps.db, { newId: deps.newId, now: deps.clock.now() }, viewerActor(viewer!, clientIp, request), {
          action: 'webhook.replayed',
          targetType: 'webhook',
          targetId: params.id,
          details: { status: outcome.status },
        });
        return redirect(`/settings/webhooks/${params.id}?replayed=1`, 303);
      },
      { access: ADMIN_ONLY },
    );
}

function readSummary(text: string): { counts: Record<string, number>; notes: string[] } {
  try {
    const value = JSON.parse(text) as { counts?: unknown; notes?: unknown };
    const counts = value.counts && typeof value.counts === 'object' ? (value.counts as Record<string, number>) : {};
    const notes = Array.isArray(value.notes) ? value.notes.map(String) : [];
    return { counts, notes };
  } catch {
    return { counts: {}, notes: [] };
  }
}

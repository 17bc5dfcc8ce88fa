import type { AppDeps } from './deps';
import type { JobDefinition } from './platform/scheduler';
import { dataPaths } from './database';
import { runScheduledBackup } from './backups/run-scheduled-backup';
import { purgeExpiredSessions } from './accounts/sessions';
import { purgeStaleThrottles } from './accounts/login-throttle';
import { getBusinessSettings } from './settings/business-settings';
import { processWebhookJournal } from './channel/whatsapp/inbound/process-webhook-journal';
import { createIngestPacer } from './channel/whatsapp/inbound/ingest-pacer';
import { processMediaDownloads } from './channel/whatsapp/media/process-media-downloads';
import { createOutboundDelivery } from './channel/whatsapp/outbound/deliver-outbound';
import { readStoredMedia } from './channel/whatsapp/outbound/read-stored-media';
import { syncAllTemplates } from './channel/whatsapp/templates/sync-templates';
import { recomputePresence } from './live/presence.repository';
import { wakeSnoozedConversations } from './conversations/wake-snoozed-conversations';
import { releaseIdleConversations } from './conversations/release-idle-conversations';
import { handBackFromAwayAgents } from './assignment/hand-back-from-away-agents';
import { createAppEventDispatcher } from './event-handlers';
import { autoResolveConversations } from './automation/auto-resolve/auto-resolve-conversations';
import { checkSla } from './sla/check-sla.job';
import { backfillReportMetrics } from './reports/reports.on-domain-events';

/** Every scheduled job, in one list. Job bodies call use cases with the injected clock; no SQL here. */
export function jobDefinitions(deps: AppDeps): JobDefinition[] {
  const { timeZone } = getBusinessSettings(deps.db);
  const graph = { graphApiUrl: deps.config.graphApiUrl };
  const outbox = createOutboundDelivery({ ...deps, ...graph, logger: deps.logger.child({ job: 'deliver-outbox' }), readMedia: readStoredMedia(dataPaths(deps.config).media) });
  const events = createAppEventDispatcher(deps);
  let reportsBackfilled = false;
  return [
    {
      // Reactions to domain events (routing, assignment, automation, SLA clocks): woken after every commit that
      // publishes a live event; the 1-second tick is the safety net and resumes after a restart.
      name: 'dispatch-events',
      pattern: '* * * * * *',
      wakeOn: 'events',
      // Gathers a burst of commits into one batch per handler (the assigner decides a team's queue once, not per
      // message); during a burst of webhooks the handlers take small batches and rest between them (ingest-pacer).
      wakeDelayMs: 25,
      run: async () => {
        await events.drainPaced(createIngestPacer(deps.db));
      },
    },
    {
      // Woken after every queued message; the 5-second tick runs due retries and resumes after a restart.
      name: 'deliver-outbox',
      pattern: '*/5 * * * * *',
      wakeOn: 'outbox',
      run: async () => {
        await outbox.drain();
      },
    },
    {
      name: 'sync-templates',
      pattern: '0 20 */6 * * *',
      run: async () => {
        await syncAllTemplates({ ...deps, ...graph, logger: deps.logger.child({ job: 'sync-templates' }) });
      },
    },
    {
      // Woken after every journal commit; the 5-second tick is the safety net (and resumes after a restart).
      name: 'process-webhook-journal',
      pattern: '*/5 * * * * *',
      wakeOn: 'webhook-journal',
      // A short gathering delay turns a trickle of webhooks into one processing transaction, keeping acks fast.
      wakeDelayMs: 20,
      run: async () => {
        await processWebhookJournal({ ...deps, logger: deps.logger.child({ job: 'process-webhook-journal' }) });
      },
    },
    {
      // Inbound media ids expire after 7 days, so files are fetched on receipt; retries wait for this tick.
      name: 'download-media',
      pattern: '*/10 * * * * *',
      wakeOn: 'media',
      run: async () => {
        await processMediaDownloads({ ...deps, logger: deps.logger.child({ job: 'download-media' }) });
      },
    },
    {
      // Waiting customers left alone by their assignee go back to the queue (minutes in inbox-behaviour settings).
      name: 'release-idle-conversations',
      pattern: '*/30 * * * * *',
      run: () => {
        releaseIdleConversations(deps);
      },
    },
    {
      // Conversations from before reports existed get their figures in chunks, once after each start; from then
      // on the reports event handler keeps every changed conversation's figures current.
      name: 'backfill-report-metrics',
      pattern: '15 * * * * *',
      run: () => {
        if (!reportsBackfilled) reportsBackfilled = backfillReportMetrics(deps) === 0;
      },
    },
    {
      // Agents away or offline past the grace period give their waiting customers back to the queue.
      name: 'hand-back-from-away-agents',
      pattern: '*/30 * * * * *',
      run: () => {
        handBackFromAwayAgents(deps);
      },
    },
    {
      name: 'daily-backup',
      pattern: '0 30 3 * * *',
      timezone: timeZone,
      run: () => {
        runScheduledBackup({
          sqlite: deps.sqlite,
          backupsDir: dataPaths(deps.config).backups,
          keep: deps.config.backupKeep,
          now: deps.clock.now(),
          logger: deps.logger.child({ job: 'daily-backup' }),
        });
      },
    },
    {
      // Snoozes are chosen to the minute, so a check every 30 seconds wakes them on time.
      name: 'wake-snoozed-conversations',
      pattern: '*/30 * * * * *',
      run: () => {
        wakeSnoozedConversations(deps);
      },
    },
    {
      // Time alone turns online into away into offline; assignment reads presence, open tabs show it.
      name: 'recompute-presence',
      pattern: '*/30 * * * * *',
      run: () => {
        for (const change of recomputePresence(deps.db, deps.clock.now())) deps.live?.publish({ type: 'presence.changed', userId: change.userId, status: change.status });
      },
    },
    {
      // SLA warnings, breaches and escalation steps; deadlines are minutes apart, so once a minute is on time.
      name: 'check-sla',
      pattern: '0 * * * * *',
      run: () => {
        checkSla({ ...deps, logger: deps.logger.child({ job: 'check-sla' }) });
      },
    },
    {
      // Pending conversations the customer left unanswered for the configured hours are resolved (settings/auto-resolve).
      name: 'auto-resolve-conversations',
      pattern: '30 * * * * *',
      run: () => {
        autoResolveConversations(deps);
      },
    },
    {
      name: 'purge-expired-sessions',
      pattern: '0 7 * * * *',
      run: () => {
        const now = deps.clock.now();
        purgeExpiredSessions(deps.db, now);
        purgeStaleThrottles(deps.db, now);
      },
    },
  ];
}

import type { Clock } from '../../../platform/clock';
import type { Db } from '../../../platform/db/client';
import type { NewId } from '../../../platform/ids';
import type { Logger } from '../../../platform/logger';
import { runInTransaction } from '../../../platform/db/client';
import { findChannelById, listChannels } from '../channels/whatsapp-channels.repository';
import { createChannelNotFoundError } from '../channels/channels.errors';
import { graphClientFor, type GraphAccess } from '../outbound/channel-graph';
import { removeTemplatesExcept, upsertTemplate } from './message-templates.repository';

export interface SyncTemplatesDeps extends GraphAccess {
  db: Db;
  clock: Clock;
  newId: NewId;
  logger: Logger;
}

export interface TemplateSyncResult {
  count: number;
  removed: number;
}

/**
 * Copies the number's WABA templates from Meta (every page) into message_templates: new and changed ones are
 * upserted, ones Meta no longer lists are removed. Graph errors propagate (GraphApiError) so the caller can show them;
 * the local list is only touched after the whole list was read.
 */
export async function syncChannelTemplates(input: { channelId: string }, deps: SyncTemplatesDeps): Promise<TemplateSyncResult> {
  const channel = findChannelById(deps.db, input.channelId);
  if (!channel) throw createChannelNotFoundError();
  const templates = await graphClientFor(channel, { ...deps, now: deps.clock.now }).listMessageTemplates(channel.wabaId);
  const now = deps.clock.now();
  return runInTransaction(deps.db, (tx) => {
    for (const t of templates) {
      upsertTemplate(tx, {
        id: deps.newId('tpl'),
        inboxId: channel.inboxId,
        providerTemplateId: t.id,
        name: t.name,
        language: t.language,
        category: t.category,
        status: t.status,
        components: JSON.stringify(t.components),
        syncedAt: now,
      });
    }
    return { count: templates.length, removed: removeTemplatesExcept(tx, channel.inboxId, templates) };
  });
}

/** The 6-hourly job: every number that is not paused; one failing number does not stop the others. */
export async function syncAllTemplates(deps: SyncTemplatesDeps): Promise<void> {
  for (const channel of listChannels(deps.db).filter((c) => c.pausedAt === null)) {
    try {
      const result = await syncChannelTemplates({ channelId: channel.id }, deps);
      deps.logger.info('templates synced', { channelId: channel.id, ...result });
    } catch (error) {
      deps.logger.warn('template sync failed', { channelId: channel.id, error: error instanceof Error ? error.message : String(error) });
    }
  }
}

import { eq } from 'drizzle-orm';
import { join } from 'node:path';
import type { Clock } from '../../../platform/clock';
import type { Db } from '../../../platform/db/client';
import type { Logger } from '../../../platform/logger';
import { listDueMedia, markMediaAttemptFailed, markMediaDownloaded } from '../../../conversations/media.repository';
import { whatsappChannels } from '../whatsapp.tables';
import { downloadMedia } from './download-media';
import { MediaDownloadError, type Fetch } from './fetch-media-bytes';

export interface MediaWorkerDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  config: { dataDir: string; graphApiUrl: string };
  fetch?: Fetch;
}

/** Waits between attempts; after the last one the row is marked failed with the reason. */
export const MEDIA_RETRY_DELAYS_MS = [30_000, 120_000, 600_000, 1_800_000, 7_200_000];
const BATCH = 20;
const PARALLEL = 4;

/**
 * Drain loop over pending media rows that are due: downloads a few at a time until none are due. Every outcome
 * is written back, so a crash at worst repeats one download (files are content-addressed, so that is harmless).
 */
export async function processMediaDownloads(deps: MediaWorkerDeps): Promise<{ downloaded: number; failed: number; retrying: number }> {
  const totals = { downloaded: 0, failed: 0, retrying: 0 };
  const mediaDir = join(deps.config.dataDir, 'media');
  const doFetch = deps.fetch ?? ((input, init) => fetch(input, init));
  const tried = new Set<string>();
  for (;;) {
    const due = listDueMedia(deps.db, deps.clock.now(), BATCH).filter((row) => !tried.has(row.media.id));
    if (due.length === 0) break;
    for (let i = 0; i < due.length; i += PARALLEL) {
      await Promise.all(
        due.slice(i, i + PARALLEL).map(async ({ media, inboxId, kind }) => {
          tried.add(media.id);
          const channel = deps.db.select().from(whatsappChannels).where(eq(whatsappChannels.inboxId, inboxId)).get();
          try {
            if (!channel) throw new MediaDownloadError('the WhatsApp number of this conversation is gone', true);
            const file = await downloadMedia({ media, kind, graphBaseUrl: channel.graphApiUrl ?? deps.config.graphApiUrl, accessToken: channel.accessToken }, { mediaDir, fetch: doFetch });
            markMediaDownloaded(deps.db, media.id, { ...file, now: deps.clock.now() });
            totals.downloaded++;
          } catch (error) {
            const attempts = media.attempts + 1;
            const permanent = error instanceof MediaDownloadError ? error.permanent : false;
            const delay = permanent ? undefined : MEDIA_RETRY_DELAYS_MS[attempts - 1];
            const now = deps.clock.now();
            const reason = error instanceof Error ? error.message : String(error);
            markMediaAttemptFailed(deps.db, media.id, { attempts, error: reason, retryAt: delay === undefined ? null : now + delay, now });
            if (delay === undefined) {
              totals.failed++;
              deps.logger.warn('media download gave up', { mediaId: media.id, attempts, reason });
            } else totals.retrying++;
          }
        }),
      );
    }
  }
  return totals;
}

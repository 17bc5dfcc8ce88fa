import type { MediaRow } from '../../../conversations/media.repository';
import { sha256HexOf, storeMediaFile } from '../../../conversations/media-files';
import { fetchMediaBytes, fetchMediaInfo, MediaDownloadError, type Fetch } from './fetch-media-bytes';
import { hashMatches } from './media-hash';
import { cleanMimeType, mediaSizeLimit } from './media-limits';

export interface DownloadTarget {
  media: MediaRow;
  /** The message kind (image, sticker, voice…) decides the size limit. */
  kind: string;
  graphBaseUrl: string;
  accessToken: string;
}

export interface StoredFile {
  contentHash: string;
  bytes: number;
  mimeType: string;
}

/**
 * One download attempt: ask Graph where the bytes are, fetch them with the channel token (asking again once if
 * the 5-minute URL expired), check size and sha256, and store them under their content hash.
 */
export async function downloadMedia(target: DownloadTarget, deps: { mediaDir: string; fetch: Fetch }): Promise<StoredFile> {
  const { media } = target;
  if (!media.waMediaId) throw new MediaDownloadError('no WhatsApp media id to download', true);
  const maxBytes = mediaSizeLimit(target.kind);
  let info = await fetchMediaInfo(target.graphBaseUrl, media.waMediaId, target.accessToken, deps.fetch);
  if (info.fileSize !== null && info.fileSize > maxBytes) throw new MediaDownloadError(`file of ${info.fileSize} bytes is over the limit for ${target.kind}`, true);
  const options = { graphBaseUrl: target.graphBaseUrl, token: target.accessToken, maxBytes, fetch: deps.fetch };
  let file;
  try {
    file = await fetchMediaBytes(info.url, options);
  } catch (error) {
    if (!(error instanceof MediaDownloadError) || error.httpStatus !== 404) throw error;
    // The URL lives five minutes: a 404 usually means it expired, so ask Graph for a fresh one.
    info = await fetchMediaInfo(target.graphBaseUrl, media.waMediaId, target.accessToken, deps.fetch);
    file = await fetchMediaBytes(info.url, options);
  }
  const contentHash = sha256HexOf(file.bytes);
  if (!hashMatches(info.sha256, contentHash) || !hashMatches(media.expectedSha256, contentHash)) {
    throw new MediaDownloadError('downloaded file does not match the sha256 WhatsApp announced', true);
  }
  await storeMediaFile(deps.mediaDir, file.bytes, contentHash);
  const mimeType = cleanMimeType(info.mimeType || media.mimeType || file.contentType);
  return { contentHash, bytes: file.bytes.byteLength, mimeType };
}

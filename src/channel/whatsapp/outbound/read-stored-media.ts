import { mediaFilePath } from '../../../conversations/media-files';

/** Reads an attachment from the media folder, where it is stored under its content hash (never a user's name). */
export function readStoredMedia(mediaDir: string) {
  return async (contentHash: string): Promise<Blob> => {
    const file = Bun.file(mediaFilePath(mediaDir, contentHash));
    if (!(await file.exists())) throw new Error('attachment file missing');
    return file;
  };
}

const KB = 1024;
const MB = 1024 * KB;

/** Largest file accepted per message kind (handbook whatsapp-cloud-api.md §6); stickers may be animated (500 KB). */
const LIMITS: Record<string, number> = {
  image: 5 * MB,
  sticker: 500 * KB,
  audio: 16 * MB,
  voice: 16 * MB,
  video: 16 * MB,
  document: 100 * MB,
};

export const mediaSizeLimit = (kind: string): number => LIMITS[kind] ?? 100 * MB;

/** Normalises Meta's MIME types (`audio/ogg; codecs=opus` → `audio/ogg`), falling back to a safe binary type. */
export function cleanMimeType(value: string | null | undefined): string {
  const base = (value ?? '').split(';')[0]!.trim().toLowerCase();
  return /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/.test(base) ? base : 'application/octet-stream';
}

import type { FakeMedia } from './fake-graph.types';

/** MIME types and sizes the Cloud API accepts for uploads (handbook whatsapp-cloud-api.md §6). */
const MB = 1024 * 1024;
const ACCEPTED: Record<string, number> = {
  'image/jpeg': 5 * MB,
  'image/png': 5 * MB,
  'image/webp': 500 * 1024,
  'audio/aac': 16 * MB,
  'audio/amr': 16 * MB,
  'audio/mpeg': 16 * MB,
  'audio/mp4': 16 * MB,
  'audio/ogg': 16 * MB,
  'video/mp4': 16 * MB,
  'video/3gpp': 16 * MB,
  'text/plain': 100 * MB,
  'application/pdf': 100 * MB,
  'application/vnd.ms-powerpoint': 100 * MB,
  'application/msword': 100 * MB,
  'application/vnd.ms-excel': 100 * MB,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 100 * MB,
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 100 * MB,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 100 * MB,
};

export type UploadOutcome = { ok: true; media: FakeMedia } | { ok: false; details: string; missing?: boolean };

/** Checks a multipart upload the way Meta does: messaging_product, a file, an accepted type within its size limit. */
export async function readUpload(form: FormData, { id, phoneNumberId }: { id: string; phoneNumberId: string }): Promise<UploadOutcome> {
  if (form.get('messaging_product') !== 'whatsapp') return { ok: false, details: 'The parameter messaging_product is required.', missing: true };
  const file = form.get('file');
  if (!(file instanceof Blob)) return { ok: false, details: 'The parameter file is required.', missing: true };
  const declared = String(form.get('type') ?? file.type ?? '');
  const mimeType = (declared || file.type).split(';')[0]!.trim().toLowerCase();
  const limit = ACCEPTED[mimeType];
  if (limit === undefined) return { ok: false, details: `Param file must be a file with one of the following types: ${Object.keys(ACCEPTED).join(', ')}. Received file of type '${mimeType}'.` };
  if (file.size > limit) return { ok: false, details: `Param file exceeds the ${limit} byte limit for ${mimeType}.` };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const sha256 = new Bun.CryptoHasher('sha256').update(bytes).digest('hex');
  return { ok: true, media: { id, bytes, mimeType, fileName: file instanceof File ? file.name : '', sha256, phoneNumberId } };
}

/** Summary of multipart fields for the request log (never the file bytes). */
export function describeForm(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    out[key] = typeof value === 'string' ? value : { name: (value as File).name ?? '', type: (value as Blob).type, size: (value as Blob).size };
  }
  return out;
}

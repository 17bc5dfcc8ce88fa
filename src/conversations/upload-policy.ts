import { mediaKindFor } from './outbound-content';

const MB = 1024 * 1024;

/**
 * What agents may attach, and how big, per Meta's limits (handbook whatsapp-cloud-api.md §6). An allowlist: SVG,
 * HTML and anything else that a browser could run are refused whatever they claim to be.
 */
export const UPLOAD_TYPES: Record<string, number> = {
  'image/jpeg': 5 * MB,
  'image/png': 5 * MB,
  'image/webp': 500 * 1024,
  'video/mp4': 16 * MB,
  'video/3gpp': 16 * MB,
  'audio/aac': 16 * MB,
  'audio/amr': 16 * MB,
  'audio/mpeg': 16 * MB,
  'audio/mp4': 16 * MB,
  'audio/ogg': 16 * MB,
  'application/pdf': 100 * MB,
  'text/plain': 100 * MB,
  'application/msword': 100 * MB,
  'application/vnd.ms-excel': 100 * MB,
  'application/vnd.ms-powerpoint': 100 * MB,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 100 * MB,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 100 * MB,
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 100 * MB,
};

export type UploadVerdict = { ok: true; mimeType: string } | { ok: false; reason: 'type' | 'size' | 'empty'; maxBytes?: number };

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) => signature.every((b, i) => bytes[offset + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/** Content that a browser would render as markup, whatever its declared type. */
function looksLikeMarkup(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  return head.startsWith('<');
}

/** Magic numbers for the formats whose signature is simple; the others must at least not be markup. */
function contentMatches(mime: string, bytes: Uint8Array): boolean {
  switch (mime) {
    case 'image/jpeg':
      return startsWith(bytes, [0xff, 0xd8, 0xff]);
    case 'image/png':
      return startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'image/webp':
      return ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP';
    case 'application/pdf':
      return ascii(bytes, 0, 5) === '%PDF-';
    case 'audio/ogg':
      return ascii(bytes, 0, 4) === 'OggS';
    case 'video/mp4':
    case 'video/3gpp':
    case 'audio/mp4':
      return ascii(bytes, 4, 8) === 'ftyp';
    default:
      return !looksLikeMarkup(bytes);
  }
}

/** Decides whether an agent's file may go out: allowed type, content that matches it, within the type's size. */
export function checkUpload(declaredType: string, bytes: Uint8Array): UploadVerdict {
  const mimeType = declaredType.toLowerCase().split(';')[0]!.trim();
  if (bytes.byteLength === 0) return { ok: false, reason: 'empty' };
  const maxBytes = UPLOAD_TYPES[mimeType];
  if (maxBytes === undefined || !contentMatches(mimeType, bytes)) return { ok: false, reason: 'type' };
  if (bytes.byteLength > maxBytes) return { ok: false, reason: 'size', maxBytes };
  return { ok: true, mimeType };
}

/** A display name safe to keep: no folders, no control characters, bounded; never used in a path. */
export function displayFileName(name: string, mimeType: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').replace(/^\.+/, '').trim().slice(0, 120);
  return cleaned || `${mediaKindFor(mimeType)}`;
}

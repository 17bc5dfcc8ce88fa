/** Types a browser may render inline from our origin; everything else (SVG, HTML, JS, PDF, unknown) is a download. */
const INLINE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'video/mp4', 'video/3gpp']);

export const isInlineSafe = (mimeType: string) => INLINE_TYPES.has(mimeType) || /^audio\/[a-z0-9.+-]+$/.test(mimeType);

/**
 * Headers for serving a stored attachment: the stored type, no sniffing, a sandboxing CSP (so even a mislabelled
 * file cannot run script), and `attachment` for anything not on the inline list. The sender's filename is only
 * ever used inside filename*=, percent-encoded.
 */
export function mediaResponseHeaders(file: { mimeType: string; fileName: string; bytes: number | null; contentHash: string }): Record<string, string> {
  const inline = isInlineSafe(file.mimeType);
  const name = safeDownloadName(file.fileName, file.contentHash);
  return {
    'content-type': inline ? file.mimeType : file.mimeType || 'application/octet-stream',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "sandbox; default-src 'none'",
    'content-disposition': inline ? 'inline' : `attachment; filename*=UTF-8''${encodeRFC5987(name)}`,
    'cache-control': 'private, max-age=86400, immutable',
    'cross-origin-resource-policy': 'same-origin',
    ...(file.bytes !== null ? { 'content-length': String(file.bytes) } : {}),
  };
}

function safeDownloadName(fileName: string, contentHash: string): string {
  // Keep the last path segment, drop control characters; fall back to the hash.
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return cleaned || `file-${contentHash.slice(0, 12)}`;
}

function encodeRFC5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

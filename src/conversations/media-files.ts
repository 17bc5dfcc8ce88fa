import { mkdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';

const HASH = /^[0-9a-f]{64}$/;

/**
 * Where a stored attachment lives: `<mediaDir>/<first two hex>/<sha256 hex>`. Named by content, never by anything
 * the sender chose, so a filename cannot escape the folder and identical files are kept once.
 */
export function mediaFilePath(mediaDir: string, contentHash: string): string {
  if (!HASH.test(contentHash)) throw new Error('not a sha256 content hash');
  return join(mediaDir, contentHash.slice(0, 2), contentHash);
}

export const sha256HexOf = (bytes: Uint8Array) => new Bun.CryptoHasher('sha256').update(bytes).digest('hex');

/** Writes bytes under their content hash (write to a temp name, then rename, so a crash never leaves half a file). */
export async function storeMediaFile(mediaDir: string, bytes: Uint8Array, contentHash = sha256HexOf(bytes)): Promise<string> {
  const path = mediaFilePath(mediaDir, contentHash);
  const existing = await stat(path).catch(() => null);
  if (existing?.size === bytes.byteLength) return contentHash;
  await mkdir(join(mediaDir, contentHash.slice(0, 2)), { recursive: true });
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await Bun.write(temp, bytes);
  await rename(temp, path);
  return contentHash;
}

import { randomBytes } from 'node:crypto';

/** 256 bits of randomness as URL-safe text: session ids, API tokens, invitation links. */
export const newSecretToken = (): string => randomBytes(32).toString('base64url');

/** Tokens are stored only as their SHA-256, so the database alone never lets anyone in. */
export const sha256Hex = (value: string): string => new Bun.CryptoHasher('sha256').update(value).digest('hex');

import { z } from 'zod';
import { LOG_LEVELS } from './platform/logger';
import { resolve } from 'node:path';

/**
 * Boot configuration: read once from flags and environment, validated, then frozen.
 * Runtime settings that admins change (business hours, WhatsApp numbers…) live in the database instead.
 */
export const configOptions = {
  dataDir: { env: 'RASIL_DATA_DIR', flag: '--data-dir', default: './data', doc: 'Folder holding rasil.db, media/ and backups/.' },
  port: { env: 'RASIL_PORT', flag: '--port', default: '3000', doc: 'TCP port the web server listens on.' },
  host: { env: 'RASIL_HOST', flag: '--host', default: '0.0.0.0', doc: 'Address the web server binds to.' },
  publicUrl: { env: 'RASIL_PUBLIC_URL', flag: '--public-url', default: '', doc: 'Address people and Meta use to reach Rasil, e.g. https://chat.example.com.' },
  graphApiUrl: { env: 'RASIL_GRAPH_API_URL', flag: '--graph-api-url', default: 'https://graph.facebook.com/v24.0', doc: "Meta's Graph API base, including the pinned version." },
  logLevel: { env: 'RASIL_LOG_LEVEL', flag: '--log-level', default: 'info', doc: 'debug, info, warn, error or silent.' },
  trustProxy: { env: 'RASIL_TRUST_PROXY', flag: '--trust-proxy', default: 'false', doc: 'true when a reverse proxy on this machine (Caddy) sets X-Forwarded-For.' },
  bodyLimit: { env: 'RASIL_BODY_LIMIT', flag: '--body-limit', default: '1048576', doc: 'Largest request body accepted, in bytes.' },
  backupKeep: { env: 'RASIL_BACKUP_KEEP', flag: '--backup-keep', default: '14', doc: 'How many daily backups to keep.' },
} as const;

export type ConfigKey = keyof typeof configOptions;

const portNumber = (label: string) =>
  z.coerce
    .number({ error: `${label} must be a whole number between 1 and 65535.` })
    .int(`${label} must be a whole number between 1 and 65535.`)
    .min(1, `${label} must be a whole number between 1 and 65535.`)
    .max(65535, `${label} must be a whole number between 1 and 65535.`);

const httpUrl = (label: string, example: string, { optional = false } = {}) =>
  z
    .string()
    .refine((v) => {
      if (optional && v === '') return true;
      try {
        const u = new URL(v);
        return u.protocol === 'http:' || u.protocol === 'https:';
      } catch {
        return false;
      }
    }, `${label} must be a full web address starting with http:// or https://, for example ${example}.`)
    .transform((v) => v.replace(/\/+$/, ''));

const schema = z.object({
  dataDir: z.string().min(1, 'RASIL_DATA_DIR must name a folder.').transform((v) => resolve(v)),
  port: portNumber('RASIL_PORT'),
  host: z.string().regex(/^[0-9a-zA-Z.:\-\[\]]+$/, 'RASIL_HOST must be an address such as 0.0.0.0 or 127.0.0.1.'),
  publicUrl: httpUrl('RASIL_PUBLIC_URL', 'https://chat.example.com', { optional: true }),
  graphApiUrl: httpUrl('RASIL_GRAPH_API_URL', 'https://graph.facebook.com/v24.0'),
  logLevel: z.enum(LOG_LEVELS, { error: `RASIL_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}.` }),
  trustProxy: z.enum(['true', 'false'], { error: 'RASIL_TRUST_PROXY must be true or false.' }).transform((v) => v === 'true'),
  bodyLimit: z.coerce
    .number({ error: 'RASIL_BODY_LIMIT must be a number of bytes between 1024 and 104857600.' })
    .int('RASIL_BODY_LIMIT must be a number of bytes between 1024 and 104857600.')
    .min(1024, 'RASIL_BODY_LIMIT must be a number of bytes between 1024 and 104857600.')
    .max(100 * 1024 * 1024, 'RASIL_BODY_LIMIT must be a number of bytes between 1024 and 104857600.'),
  backupKeep: z.coerce
    .number({ error: 'RASIL_BACKUP_KEEP must be a whole number between 1 and 365.' })
    .int('RASIL_BACKUP_KEEP must be a whole number between 1 and 365.')
    .min(1, 'RASIL_BACKUP_KEEP must be a whole number between 1 and 365.')
    .max(365, 'RASIL_BACKUP_KEEP must be a whole number between 1 and 365.'),
});

export type Config = z.infer<typeof schema>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/**
 * Builds the config from flags (which win) and environment variables. Every problem is reported,
 * one plain sentence each, so an owner fixes them all in one go.
 */
export function loadConfig(env: Record<string, string | undefined>, flags: Partial<Record<ConfigKey, string>> = {}): ConfigResult {
  const raw: Record<string, string> = {};
  for (const [key, option] of Object.entries(configOptions)) {
    raw[key] = flags[key as ConfigKey] ?? env[option.env] ?? option.default;
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, config: Object.freeze(parsed.data) };
  const problems = parsed.error.issues.map((issue) => {
    const key = String(issue.path[0]) as ConfigKey;
    // zod's own wording for type errors is technical; every schema rule above carries a plain sentence.
    return issue.message.startsWith('RASIL_') ? issue.message : `${configOptions[key]?.env ?? key}: ${issue.message}`;
  });
  return { ok: false, problems: [...new Set(problems)] };
}

/** The URL people should open: the configured public one, or this machine's port. */
export function publicBaseUrl(config: Config): string {
  if (config.publicUrl) return config.publicUrl;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return `http://${host}:${config.port}`;
}

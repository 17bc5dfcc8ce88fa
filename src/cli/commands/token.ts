import { createApiToken, listApiTokens, revokeApiToken } from '../../accounts/api-tokens';
import { cliActor } from '../../audit/record-audit';
import type { Command } from '../command';
import { UsageError } from '../command';
import { configHelp } from '../config-from-args';
import { requiredValue } from './flag-values';
import { runSubcommand, type Subcommand } from './subcommands';
import { formatTable, utcMinute } from './text-table';

const tokenCreate: Subcommand = {
  flags: ['name'],
  async run({ flags, io, deps }) {
    const name = requiredValue(flags, 'name', '"Zapier"').trim();
    if (name.length > 100) throw new UsageError('--name can be at most 100 characters.');
    const { id, token } = createApiToken({ name }, cliActor, deps());
    io.stdout(
      [
        `Created API token "${name}" (${id}). Copy it now: it is stored only as a hash and cannot be shown again.`,
        '',
        `  ${token}`,
        '',
        `Send it with every API request as the header:  Authorization: Bearer ${token}`,
        `Revoke it with:  rasil token revoke --id ${id}`,
        '',
      ].join('\n'),
    );
    return 0;
  },
};

const tokenList: Subcommand = {
  flags: ['json'],
  async run({ flags, io, deps }) {
    const tokens = listApiTokens(deps().db).map((t) => ({ ...t, status: t.revokedAt === null ? 'active' : 'revoked' }));
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    if (flags.json) {
      const rows = tokens.map((t) => ({ ...t, createdAt: iso(t.createdAt), lastUsedAt: iso(t.lastUsedAt), revokedAt: iso(t.revokedAt) }));
      io.stdout(JSON.stringify(rows, null, 2) + '\n');
    }
    else if (tokens.length === 0) io.stdout('No API tokens yet. Create one with `rasil token create --name <name>`.\n');
    else {
      const rows = tokens.map((t) => [t.id, t.name, t.status, utcMinute(t.createdAt), t.lastUsedAt === null ? 'never' : utcMinute(t.lastUsedAt)]);
      io.stdout(formatTable(['ID', 'NAME', 'STATUS', 'CREATED', 'LAST USED'], rows));
    }
    return 0;
  },
};

const tokenRevoke: Subcommand = {
  flags: ['id'],
  async run({ flags, io, deps }) {
    const id = requiredValue(flags, 'id', 'tok_01…');
    if (!revokeApiToken({ id }, cliActor, deps())) {
      throw new UsageError(`No active API token has the id ${id}. Run \`rasil token list\` to see them.`);
    }
    io.stdout(`Revoked API token ${id}; requests using it are refused from now on.\n`);
    return 0;
  },
};

export const tokenCommand: Command = {
  name: 'token',
  summary: 'Create, list or revoke API tokens',
  help: `Usage:
  rasil token create --name <name>
  rasil token list [--json]
  rasil token revoke --id <id>

create    Prints a new API token once; only its hash is stored. Name it after what will use it.
list      Shows every token with its status and when it was last used (--json for scripts).
revoke    Stops a token from working at once.

Options:
${configHelp()}`,
  run: (io) => runSubcommand('token', { create: tokenCreate, list: tokenList, revoke: tokenRevoke }, io, ['json']),
};

import { createWhatsappChannel } from '../../channel/whatsapp/channels/create-whatsapp-channel';
import { listChannels, type WhatsappChannel } from '../../channel/whatsapp/channels/whatsapp-channels.repository';
import { maskSecret } from '../../channel/whatsapp/channels/mask-secret';
import { cliActor } from '../../audit/record-audit';
import { publicBaseUrl } from '../../config';
import type { Command } from '../command';
import { UsageError } from '../command';
import { configHelp } from '../config-from-args';
import { requiredValue } from './flag-values';
import { withPlainErrors } from './plain-errors';
import { runSubcommand, type Subcommand } from './subcommands';
import { formatTable } from './text-table';

const channelAdd: Subcommand = {
  flags: ['name', 'phone-number-id', 'waba-id', 'access-token', 'app-secret', 'verify-token'],
  async run({ flags, io, deps }) {
    const input = {
      name: requiredValue(flags, 'name', '"Main number"'),
      phoneNumberId: requiredValue(flags, 'phone-number-id', '106540352242922'),
      wabaId: requiredValue(flags, 'waba-id', '102290129340398'),
      accessToken: requiredValue(flags, 'access-token', 'EAAG…'),
      appSecret: requiredValue(flags, 'app-secret', '<app secret from App settings › Basic>'),
      verifyToken: typeof flags['verify-token'] === 'string' ? flags['verify-token'] : undefined,
    };
    const opened = deps();
    const { channelId, verifyToken } = await withPlainErrors(() => createWhatsappChannel(input, cliActor, opened));
    io.stdout(
      [
        channelId,
        '',
        `Connected "${input.name.trim()}" (phone number id ${input.phoneNumberId.trim()}). In your Meta app's WhatsApp › Configuration, set:`,
        `  Callback URL:  ${publicBaseUrl(opened.config)}/webhooks/whatsapp`,
        `  Verify token:  ${verifyToken}`,
        '  Webhook fields: messages (and smb_message_echoes, history, smb_app_state_sync for a number shared with the WhatsApp Business app)',
        'Then run `rasil doctor` to check the access token.',
        '',
      ].join('\n'),
    );
    return 0;
  },
};

const statusOf = (channel: WhatsappChannel) => (channel.pausedAt === null ? 'active' : `paused: ${channel.pausedReason ?? 'no reason given'}`);

const channelList: Subcommand = {
  flags: ['json'],
  async run({ flags, io, deps }) {
    // Tokens and secrets are never printed, not even in JSON: shells, logs and screenshots keep them.
    const rows = listChannels(deps().db).map((c) => ({
      id: c.id,
      name: c.name,
      sandbox: c.isSandbox,
      phoneNumberId: c.phoneNumberId,
      wabaId: c.wabaId,
      displayPhoneNumber: c.displayPhoneNumber,
      status: statusOf(c),
      accessToken: maskSecret(c.accessToken),
      appSecret: maskSecret(c.appSecret),
      verifyToken: maskSecret(c.verifyToken),
    }));
    if (flags.json) io.stdout(JSON.stringify(rows, null, 2) + '\n');
    else if (rows.length === 0) io.stdout('No WhatsApp numbers yet. Connect one with `rasil channel add whatsapp …` (see `rasil channel --help`).\n');
    else {
      const table = rows.map((r) => [r.id, r.sandbox ? `${r.name} (sandbox)` : r.name, r.phoneNumberId, r.wabaId, r.displayPhoneNumber || '-', r.status, r.accessToken, r.appSecret]);
      io.stdout(formatTable(['ID', 'NAME', 'PHONE NUMBER ID', 'WABA ID', 'NUMBER', 'STATUS', 'TOKEN', 'APP SECRET'], table));
    }
    return 0;
  },
};

export const channelCommand: Command = {
  name: 'channel',
  summary: 'Connect WhatsApp numbers and list them',
  help: `Usage:
  rasil channel add whatsapp --name <name> --phone-number-id <id> --waba-id <id> --access-token <token> --app-secret <secret> [--verify-token <token>]
  rasil channel list [--json]

add whatsapp  Connects a WhatsApp Business number and prints its new channel id, then the webhook address
              and verify token to enter in Meta's app dashboard. Without --verify-token one is generated.
list          Shows every number with its status; tokens and secrets are masked.

Find the values in Meta's App Dashboard: WhatsApp › API Setup (phone number id, WhatsApp Business Account id),
App settings › Basic (app secret), and Business Settings › System users (a permanent access token).
Options on a command line can be seen by other users of this machine; prefer the settings page on shared servers.

Options:
${configHelp()}`,
  run(io) {
    // `add` names the kind of channel; WhatsApp is the only one today.
    const [action, kind, ...rest] = io.argv;
    if (action === 'add') {
      if (kind !== 'whatsapp') throw new UsageError('Say which kind of channel to add: rasil channel add whatsapp --name … (WhatsApp is the only kind).');
      return runSubcommand('channel', { add: channelAdd, list: channelList }, { ...io, argv: [action, ...rest] }, ['json']);
    }
    return runSubcommand('channel', { add: channelAdd, list: channelList }, io, ['json']);
  },
};

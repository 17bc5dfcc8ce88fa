import { probeChannelToken } from '../../channel/whatsapp/channels/check-channel-token';
import { tokenProblemKey } from '../../channel/whatsapp/channels/token-check';
import { createTranslator } from '../../i18n/translate';
import type { DoctorCheck } from './doctor-check';

const t = createTranslator('en');

interface ChannelRow {
  name: string;
  phoneNumberId: string;
  accessToken: string;
  graphApiUrl: string | null;
  pausedAt: number | null;
  pausedReason: string | null;
}

/**
 * Calls Graph with each connected number's token. A failing number fails doctor, because nothing can be sent or
 * downloaded until it is fixed. The sandbox talks to Rasil's own fake and is skipped.
 */
export const whatsappTokenCheck: DoctorCheck = {
  name: 'WhatsApp numbers',
  needsDatabase: true,
  async run({ sqlite, config }) {
    // Raw cached statements, not drizzle: bun:sqlite finalizes only these on close, so no -wal/-shm files stay behind.
    const channels = sqlite!
      .query<ChannelRow, []>(
        `SELECT name, phone_number_id AS phoneNumberId, access_token AS accessToken, graph_api_url AS graphApiUrl, paused_at AS pausedAt, paused_reason AS pausedReason
         FROM whatsapp_channels WHERE is_sandbox = 0 ORDER BY created_at, id`,
      )
      .all();
    if (channels.length === 0) return { status: 'ok', summary: 'No WhatsApp number connected yet (the sandbox needs no check)' };
    const lines: string[] = [];
    let failed = 0;
    for (const channel of channels) {
      const result = await probeChannelToken(channel, { graphApiUrl: config.graphApiUrl });
      const label = `${channel.name} (phone number id ${channel.phoneNumberId})`;
      if (result.ok) {
        lines.push(`✓ ${label}: connected as ${[result.displayPhoneNumber, result.verifiedName].filter(Boolean).join(', ')}`);
      } else {
        failed++;
        const said = result.detail ? ` Meta said: ${result.detail}` : '';
        lines.push(`✗ ${label}: ${t(tokenProblemKey(result.problem), { code: result.code ?? '-' })}${said}`);
      }
      if (channel.pausedAt !== null) lines.push(`  sending is paused: ${channel.pausedReason ?? 'no reason given'}`);
    }
    const count = `${channels.length} WhatsApp number${channels.length > 1 ? 's' : ''}`;
    if (failed === 0) return { status: 'ok', summary: `${count} reached Meta with a working token`, details: lines };
    return {
      status: 'fail',
      summary: `${failed} of ${count} failed the Graph API check`,
      details: lines,
      advice: 'Paste a new token under Settings › WhatsApp numbers, then run `rasil doctor` again.',
    };
  },
};

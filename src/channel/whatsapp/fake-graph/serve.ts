/**
 * Runs the fake Graph API as its own process, for load tests and manual trials:
 *   bun src/channel/whatsapp/fake-graph/serve.ts --port 4010 [--app-secret S --webhook-url URL] [--token T]
 *     [--phone-number-id ID --waba-id ID] [--fault 500|429|131047|190|…] [--delays sent,delivered,read]
 * Point a channel's Graph URL at http://127.0.0.1:<port>/v24.0. Status webhooks need both --app-secret and --webhook-url.
 */
import { parseArgs } from 'node:util';
import { createFakeGraph } from './fake-graph';

const { values } = parseArgs({
  args: Bun.argv.slice(2),
  options: {
    port: { type: 'string', default: '4010' },
    host: { type: 'string', default: '127.0.0.1' },
    'app-secret': { type: 'string' },
    'webhook-url': { type: 'string' },
    token: { type: 'string', multiple: true },
    'phone-number-id': { type: 'string' },
    'waba-id': { type: 'string', default: '100000000000000' },
    fault: { type: 'string' },
    delays: { type: 'string' },
  },
  strict: true,
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error('--port must be a whole number between 0 and 65535.');
  process.exit(2);
}
if (Boolean(values['app-secret']) !== Boolean(values['webhook-url'])) {
  console.error('Status webhooks need both --app-secret and --webhook-url.');
  process.exit(2);
}
const [sent, delivered, read] = (values.delays ?? '').split(',').map((v) => (v ? Number(v) : undefined));

const fake = createFakeGraph({
  accessTokens: values.token ?? [],
  phoneNumbers: values['phone-number-id'] ? [{ id: values['phone-number-id'], wabaId: values['waba-id']!, displayPhoneNumber: '+1 555-0100', verifiedName: 'Rasil Sandbox' }] : [],
  webhook: values['webhook-url'] ? { url: values['webhook-url'], appSecret: values['app-secret']!, delaysMs: { sent, delivered, read } } : null,
  logError: (message, error) => console.error(message, error),
});
if (values.fault) {
  const fault = values.fault;
  fake.setOutage(/^\d{3}$/.test(fault) && Number(fault) < 600 ? { kind: 'http', status: Number(fault), retryAfterSeconds: fault === '429' ? 1 : undefined } : { kind: 'error', code: Number(fault) });
}

const server = Bun.serve({ port, hostname: values.host, fetch: fake.fetch });
console.log(`fake Graph API listening on http://${server.hostname}:${server.port}/v24.0`);
const stop = () => {
  fake.close();
  void server.stop(true);
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

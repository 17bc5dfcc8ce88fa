import { systemClock, type Clock } from '../../../platform/clock';
import { unknownObjectBody } from './fake-graph.errors';
import { describeForm, readUpload } from './fake-graph.media';
import { createResponder } from './fake-graph.respond';
import { templatesPage } from './fake-graph.templates';
import { createWebhookScheduler } from './fake-graph.webhooks';
import { validateSendBody } from './validate-send';
import { countTemplateVariables } from '../templates/render-template-preview';
import type { FakeEndpoint, FakeFault, FakeMedia, FakePhoneNumber, FakeRequestRecord, FakeSentMessage, FakeTemplate, FakeWebhookConfig, ScriptedFault } from './fake-graph.types';

export type * from './fake-graph.types';

export interface FakeGraphOptions {
  clock?: Clock;
  /** Tokens the fake accepts; when empty any bearer token is accepted. */
  accessTokens?: string[];
  /** Known numbers; when empty any phone-number id is accepted. */
  phoneNumbers?: FakePhoneNumber[];
  /** When given, template sends are checked against these (name, language, APPROVED, variable count). */
  templates?: FakeTemplate[];
  webhook?: FakeWebhookConfig | null;
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  logError?: (message: string, error: unknown) => void;
}

export type FakeGraph = ReturnType<typeof createFakeGraph>;

/**
 * An in-process stand-in for Meta's Graph API (contract 3): the same request shapes, validation, responses and
 * error envelopes, plus scripted faults, a request log, per-callback-data send counts and signed status webhooks.
 * Serve it with `Bun.serve({ port, fetch: fake.fetch })`; the sandbox mounts it in-process.
 */
export function createFakeGraph(options: FakeGraphOptions = {}) {
  const clock = options.clock ?? systemClock;
  let tokens = new Set(options.accessTokens ?? []);
  const phones = new Map((options.phoneNumbers ?? []).map((p) => [p.id, p]));
  let templates = options.templates;
  let webhook = options.webhook ?? null;
  const requests: FakeRequestRecord[] = [];
  const sent: FakeSentMessage[] = [];
  const counts = new Map<string, number>();
  const media = new Map<string, FakeMedia>();
  const outgoing = new Set<string>();
  let script: (ScriptedFault & { left: number })[] = [];
  let outage: { fault: FakeFault; endpoint: FakeEndpoint } | null = null;
  const listeners = new Set<(m: FakeSentMessage) => void>();
  let serial = 0;
  // The sandbox runs the fake inside a long-lived server: bound what it remembers.
  const remember = <K, V>(map: Map<K, V> | Set<K>, limit: number) => {
    while (map.size > limit) map.delete(map.keys().next().value as K);
  };

  const randomId = (prefix: string) => `${prefix}${clock.now().toString(36)}${(++serial).toString(36)}${crypto.randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const { json, graphError, applyFault } = createResponder(randomId);
  const webhooks = createWebhookScheduler({ clock, fetch: options.fetch, logError: options.logError });

  function takeFault(endpoint: FakeEndpoint, to: string | null): FakeFault | null {
    const index = script.findIndex((s) => ((s.endpoint ?? 'messages') === endpoint || s.endpoint === 'any') && (!s.to || s.to === to));
    if (index >= 0) {
      const entry = script[index]!;
      if (--entry.left <= 0) script.splice(index, 1);
      return entry.fault;
    }
    if (outage && (outage.endpoint === 'any' || outage.endpoint === endpoint)) return outage.fault;
    return null;
  }

  function handleSend(phoneNumberId: string, body: Record<string, unknown>, failAfter: number | null): Response {
    const problem = validateSendBody(body, {
      mediaExists: (id) => media.has(id),
      template: templates
        ? (name, language) => {
            const t = templates!.find((x) => x.name === name && x.language === language);
            return t ? { status: t.status, bodyVariables: countTemplateVariables(t.components) } : null;
          }
        : undefined,
    });
    if (problem) return graphError(problem.code, { details: problem.details });
    const to = String(body.to);
    const message: FakeSentMessage = {
      waMessageId: `wamid.${btoa(randomId('HBgL')).replace(/=+$/, '')}`,
      phoneNumberId,
      to,
      type: String(body.type ?? 'text'),
      body,
      callbackData: typeof body.biz_opaque_callback_data === 'string' ? body.biz_opaque_callback_data : null,
      at: clock.now(),
    };
    sent.push(message);
    outgoing.add(message.waMessageId);
    remember(outgoing, 10_000);
    if (message.callbackData !== null) counts.set(message.callbackData, (counts.get(message.callbackData) ?? 0) + 1);
    remember(counts, 10_000);
    for (const fn of listeners) fn(message);
    if (webhook) webhooks.statusesFor(webhook, message, phones.get(phoneNumberId), failAfter);
    return json(200, {
      messaging_product: 'whatsapp',
      contacts: [{ input: to, wa_id: to.replace(/^\+/, '') }],
      messages: [{ id: message.waMessageId, ...(message.type === 'template' ? { message_status: 'accepted' } : {}) }],
    });
  }

  function handleRead(body: Record<string, unknown>): Response {
    if (body.messaging_product !== 'whatsapp') return graphError(131008, { details: 'The parameter messaging_product is required.' });
    const id = body.message_id;
    if (typeof id !== 'string' || !id) return graphError(100, { details: 'Please check the message ID you have provided.' });
    if (outgoing.has(id)) return graphError(100, { details: `Message ${id} is outgoing. Please use an incoming message ID.` });
    if (body.typing_indicator !== undefined && (typeof body.typing_indicator !== 'object' || (body.typing_indicator as { type?: unknown }).type !== 'text')) {
      return graphError(100, { details: "Param typing_indicator['type'] must be text." });
    }
    return json(200, { success: true });
  }

  async function route(request: Request, url: URL, path: string, record: FakeRequestRecord): Promise<Response> {
    const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
    const [first, second] = segments;
    if (request.method === 'GET' && first === '_media' && second) {
      const file = media.get(second);
      if (!file) return new Response('Not found', { status: 404 });
      return new Response(file.bytes, { headers: { 'content-type': file.mimeType, 'content-disposition': `inline;filename=${file.fileName || 'file'}` } });
    }
    if (!first) return graphError(100, { details: 'Unknown path.' });
    if (phones.size > 0 && second && second !== 'message_templates' && !phones.has(first)) return json(...pair(unknownObjectBody(first, request.method === 'GET' ? 'get' : 'post', randomId('A'))));

    if (request.method === 'POST' && second === 'messages') {
      let body: Record<string, unknown>;
      try {
        body = (await request.json()) as Record<string, unknown>;
      } catch {
        return graphError(100, { details: 'The request body must be JSON.' });
      }
      record.body = body;
      const isRead = body.status === 'read';
      const fault = takeFault(isRead ? 'read' : 'messages', isRead ? null : String(body.to ?? ''));
      const proceed = async () => (isRead ? handleRead(body) : handleSend(first, body, fault?.kind === 'acceptThenFail' ? fault.code : null));
      return fault ? applyFault(fault, request.signal, proceed) : proceed();
    }
    if (request.method === 'POST' && second === 'media') {
      const form = await request.formData().catch(() => null);
      if (!form) return graphError(100, { details: 'The upload must be multipart/form-data.' });
      record.body = describeForm(form);
      const fault = takeFault('media', null);
      const proceed = async () => {
        const outcome = await readUpload(form, { id: randomId('9'), phoneNumberId: first });
        if (!outcome.ok) return graphError(outcome.missing ? 131008 : 100, { details: outcome.details });
        media.set(outcome.media.id, outcome.media);
        remember(media, 200);
        return json(200, { id: outcome.media.id });
      };
      return fault ? applyFault(fault, request.signal, proceed) : proceed();
    }
    if (request.method === 'GET' && second === 'message_templates') {
      const fault = takeFault('templates', null);
      const answer = async () => json(200, templatesPage(url, templates ?? []));
      return fault ? applyFault(fault, request.signal, answer) : answer();
    }
    if (request.method === 'GET' && !second && media.has(first)) {
      const m = media.get(first)!;
      const expires = Math.floor(clock.now() / 1000) + 300;
      return json(200, {
        messaging_product: 'whatsapp',
        url: `${url.origin}/_media/${m.id}?ext=${expires}&hash=${m.sha256.slice(0, 16)}`,
        mime_type: m.mimeType,
        sha256: m.sha256,
        file_size: m.bytes.length,
        id: m.id,
      });
    }
    if (request.method === 'DELETE' && !second && media.delete(first)) return json(200, { success: true });
    if (request.method === 'GET' && !second) {
      const fault = takeFault('phone', null);
      const phone = phones.get(first);
      const answer = async () =>
        phones.size > 0 && !phone
          ? json(...pair(unknownObjectBody(first, 'get', randomId('A'))))
          : json(200, { verified_name: phone?.verifiedName ?? 'Rasil Sandbox', display_phone_number: phone?.displayPhoneNumber ?? '+1 555-0100', quality_rating: 'GREEN', id: first });
      return fault ? applyFault(fault, request.signal, answer) : answer();
    }
    return json(...pair(unknownObjectBody(first, request.method === 'GET' ? 'get' : 'post', randomId('A'))));
  }

  return {
    async fetch(request: Request): Promise<Response> {
      const url = new URL(request.url);
      const path = url.pathname.replace(/^\/v\d+(\.\d+)?(?=\/)/, '');
      const authorization = request.headers.get('authorization');
      const record: FakeRequestRecord = {
        method: request.method,
        path,
        query: Object.fromEntries(url.searchParams),
        authorization,
        contentType: request.headers.get('content-type'),
        body: null,
        status: 0,
        at: clock.now(),
      };
      requests.push(record);
      const token = authorization?.match(/^Bearer\s+(.+)$/i)?.[1];
      const response = !token || (tokens.size > 0 && !tokens.has(token)) ? graphError(190, {}) : await route(request, url, path, record);
      record.status = response.status;
      return response;
    },
    requests,
    sent,
    /** How many times a message carrying this biz_opaque_callback_data (our outbox id) was accepted. */
    sendCount: (callbackData: string) => counts.get(callbackData) ?? 0,
    script(...faults: ScriptedFault[]) {
      for (const f of faults) script.push({ ...f, left: f.times ?? 1 });
    },
    /** A fault answered to every matching request until cleared (an outage). */
    setOutage(fault: FakeFault | null, endpoint: FakeEndpoint = 'messages') {
      outage = fault ? { fault, endpoint } : null;
    },
    clearFaults() {
      script = [];
      outage = null;
    },
    setAccessTokens(list: string[]) {
      tokens = new Set(list);
    },
    setTemplates(list: FakeTemplate[] | undefined) {
      templates = list;
    },
    addPhoneNumber(phone: FakePhoneNumber) {
      phones.set(phone.id, phone);
    },
    configureWebhooks(config: FakeWebhookConfig | null) {
      webhook = config;
    },
    media: (id: string) => media.get(id),
    /** Calls `fn` for every accepted send (the sandbox "phone" listens here); returns an unsubscribe function. */
    onSend(fn: (m: FakeSentMessage) => void) {
      listeners.add(fn);
      return () => void listeners.delete(fn);
    },
    /** Resolves once every scheduled status webhook has been posted. */
    settle: () => webhooks.settle(),
    close: () => webhooks.close(),
  };
}

const pair = (x: { httpStatus: number; body: unknown }): [number, unknown] => [x.httpStatus, x.body];

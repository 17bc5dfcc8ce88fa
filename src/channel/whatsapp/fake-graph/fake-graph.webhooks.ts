import type { Clock } from '../../../platform/clock';
import { graphErrorBody } from './fake-graph.errors';
import { buildStatusWebhook, postSignedWebhook, type FakeStatus } from './status-webhooks';
import type { FakePhoneNumber, FakeSentMessage, FakeWebhookConfig } from './fake-graph.types';

const DEFAULT_DELAYS: Record<FakeStatus, number> = { sent: 50, delivered: 150, read: 300, failed: 50 };

/** Posts the status webhooks that follow each accepted send, after small delays, signed with the app secret. */
export function createWebhookScheduler(options: { clock: Clock; fetch?: (input: string, init: RequestInit) => Promise<Response>; logError?: (message: string, error: unknown) => void }) {
  const pending = new Set<Promise<unknown>>();
  const timers = new Set<ReturnType<typeof setTimeout>>();

  function later(delayMs: number, fn: () => Promise<unknown>) {
    const timer = setTimeout(() => {
      timers.delete(timer);
      const p = fn().catch((error) => options.logError?.('fake graph webhook failed', error));
      pending.add(p);
      void p.finally(() => pending.delete(p));
    }, delayMs);
    timers.add(timer);
  }

  return {
    /** `failure` set: one `failed` status with that error code instead of sent → delivered → read. */
    statusesFor(hook: FakeWebhookConfig, message: FakeSentMessage, phone: FakePhoneNumber | undefined, failure: number | null) {
      const statuses: FakeStatus[] = failure !== null ? ['failed'] : (hook.statuses ?? ['sent', 'delivered', 'read']);
      const error = failure !== null ? graphErrorBody(failure, { fbtraceId: '' }).body.error : null;
      for (const status of statuses) {
        later(hook.delaysMs?.[status] ?? DEFAULT_DELAYS[status], () =>
          postSignedWebhook({
            url: hook.url,
            appSecret: hook.appSecret,
            fetchImpl: options.fetch,
            payload: buildStatusWebhook({
              wabaId: phone?.wabaId ?? '0',
              phoneNumberId: message.phoneNumberId,
              displayPhoneNumber: phone?.displayPhoneNumber ?? '',
              waMessageId: message.waMessageId,
              recipientId: message.to.replace(/^\+/, ''),
              status,
              at: options.clock.now(),
              callbackData: message.callbackData ?? undefined,
              error: error ? { code: error.code, title: error.message.replace(/^\(#\d+\)\s*/, ''), details: error.error_data.details } : undefined,
            }),
          }),
        );
      }
    },
    async settle() {
      while (timers.size > 0 || pending.size > 0) await Bun.sleep(10);
    },
    close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}

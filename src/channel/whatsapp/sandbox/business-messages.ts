import type { FakeSentMessage } from '../fake-graph/fake-graph';
import type { SandboxRuntime } from './sandbox-runtime';

export interface BusinessOption {
  type: 'button' | 'list';
  id: string;
  title: string;
  description?: string;
}

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** What the business sent this customer, as the fake Graph received it (newest last). */
export const sentTo = (runtime: SandboxRuntime, phone: string): FakeSentMessage[] => runtime.fake.sent.filter((m) => m.to.replace(/^\+/, '') === phone);

/** The reply buttons or list rows of an interactive message, as the customer's phone offers them. */
export function optionsOf(body: Json): BusinessOption[] {
  const interactive = obj(body.interactive);
  const action = obj(interactive.action);
  if (interactive.type === 'button') {
    return list(action.buttons).map((b) => ({ type: 'button' as const, id: text(obj(obj(b).reply).id), title: text(obj(obj(b).reply).title) }));
  }
  if (interactive.type === 'list') {
    return list(action.sections).flatMap((s) =>
      list(obj(s).rows).map((r) => ({ type: 'list' as const, id: text(obj(r).id), title: text(obj(r).title), description: text(obj(r).description) || undefined })),
    );
  }
  return [];
}

/** The option `optionId` of the business message `waMessageId` to this customer, if it offered one. */
export function optionOf(runtime: SandboxRuntime, phone: string, waMessageId: string, optionId: string): BusinessOption | undefined {
  const message = sentTo(runtime, phone).find((m) => m.waMessageId === waMessageId);
  return message ? optionsOf(message.body).find((o) => o.id === optionId) : undefined;
}

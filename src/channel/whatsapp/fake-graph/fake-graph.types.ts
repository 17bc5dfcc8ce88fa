import type { FakeStatus } from './status-webhooks';
import type { TemplateComponent } from '../templates/render-template-preview';

/** What the fake can be told to answer instead of the normal response. */
export type FakeFault =
  /** Meta's error envelope for this code (HTTP status from the catalogue unless given), optionally with Retry-After. */
  | { kind: 'error'; code: number; httpStatus?: number; retryAfterSeconds?: number; details?: string }
  /** A bare HTTP failure such as a proxy's 502 page, without Graph's envelope. */
  | { kind: 'http'; status: number; body?: string; retryAfterSeconds?: number }
  /** Wait before handling the request (nothing is recorded as sent if the caller gave up meanwhile). */
  | { kind: 'slow'; delayMs: number }
  /** Accept and record the send, then hold the response back: a caller that times out cannot know it was sent. */
  | { kind: 'acceptThenDelay'; delayMs: number }
  /** Answer 200, then report the message `failed` with this code on the status webhook, as Meta does for 131047. */
  | { kind: 'acceptThenFail'; code: number };

export type FakeEndpoint = 'messages' | 'read' | 'media' | 'templates' | 'phone' | 'any';

export interface ScriptedFault {
  fault: FakeFault;
  /** How many matching requests it answers (default 1). */
  times?: number;
  endpoint?: FakeEndpoint;
  /** Only sends to this recipient (e.g. a pair-rate limit on one customer). */
  to?: string;
}

export interface FakeRequestRecord {
  method: string;
  /** Path without the version prefix, e.g. /123/messages. */
  path: string;
  query: Record<string, string>;
  authorization: string | null;
  contentType: string | null;
  /** Parsed JSON, or the multipart fields (files summarised as {name,type,size}). */
  body: unknown;
  status: number;
  at: number;
}

export interface FakeSentMessage {
  waMessageId: string;
  phoneNumberId: string;
  to: string;
  type: string;
  body: Record<string, unknown>;
  callbackData: string | null;
  at: number;
}

export interface FakePhoneNumber {
  id: string;
  wabaId: string;
  displayPhoneNumber: string;
  verifiedName: string;
}

export interface FakeTemplate {
  id?: string;
  name: string;
  language: string;
  status: string;
  category?: string;
  components: TemplateComponent[];
}

export interface FakeWebhookConfig {
  url: string;
  appSecret: string;
  /** Which statuses follow an accepted send (default sent, delivered, read). */
  statuses?: Exclude<FakeStatus, 'failed'>[];
  /** Delay of each status after the send, in ms (default 50 / 150 / 300). */
  delaysMs?: Partial<Record<FakeStatus, number>>;
}

export interface FakeMedia {
  id: string;
  bytes: Uint8Array<ArrayBuffer>;
  mimeType: string;
  fileName: string;
  sha256: string;
  phoneNumberId: string;
}

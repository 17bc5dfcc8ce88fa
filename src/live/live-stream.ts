import type { LiveEvent, LiveHub } from './live-events';
import { SSE_PING, sseFrame } from './sse-frame';

export const PING_INTERVAL_MS = 20_000;

/** What one viewer's tab is told about an event, or null when it may not know about it. */
export type LiveDelivery = Record<string, unknown> | null;

/**
 * One tab's event stream. It starts with a `hello` (the browser refreshes its view when a known tab reconnects, as
 * events sent while it was away are lost), then sends each event the viewer may see as a named `live` frame. The
 * subscription and the ping timer end when the client goes away (request.signal aborts at once in Bun).
 */
export function openLiveStream(hub: LiveHub, signal: AbortSignal, deliver: (event: LiveEvent) => LiveDelivery, onError: (error: unknown) => void): Response {
  const encoder = new TextEncoder();
  let close = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch (error) {
          close();
          onError(error);
        }
      };
      const unsubscribe = hub.subscribe(
        () => true,
        (event) => {
          const payload = deliver(event);
          if (payload) write(sseFrame(JSON.stringify(payload), 'live'));
        },
      );
      const ping = setInterval(() => write(SSE_PING), PING_INTERVAL_MS);
      let closed = false;
      close = () => {
        if (closed) return;
        closed = true;
        unsubscribe();
        clearInterval(ping);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      if (signal.aborted) return close();
      signal.addEventListener('abort', close, { once: true });
      write(sseFrame('{}', 'hello'));
    },
    cancel() {
      close();
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-accel-buffering': 'no' } });
}

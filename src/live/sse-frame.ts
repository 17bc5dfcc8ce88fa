/**
 * One Server-Sent Events frame, written by hand: every line of the data gets its own `data:` prefix, so a payload
 * containing a newline cannot break the frame (Elysia's sse() helper does not split; handbook §2.8).
 */
export function sseFrame(data: string, event?: string): string {
  const lines = data.split(/\r?\n/).map((line) => `data: ${line}`);
  return `${event ? `event: ${event}\n` : ''}${lines.join('\n')}\n\n`;
}

/** A comment line: ignored by clients, keeps proxies and idle timers from closing a quiet stream. */
export const SSE_PING = ': ping\n\n';

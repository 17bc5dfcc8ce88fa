/** WhatsApp's customer-service window: free-form replies are allowed for 24 hours after the customer's last message. */
export const REPLY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** When the window closes, or null when the customer never wrote (only templates may be sent then). */
export function replyWindowClosesAt(lastInboundAt: number | null | undefined): number | null {
  return lastInboundAt == null ? null : lastInboundAt + REPLY_WINDOW_MS;
}

export function isReplyWindowOpen({ lastInboundAt, now }: { lastInboundAt: number | null | undefined; now: number }): boolean {
  const closesAt = replyWindowClosesAt(lastInboundAt);
  return closesAt !== null && now < closesAt;
}

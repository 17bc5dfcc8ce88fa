/**
 * The client's address: the socket's, unless a reverse proxy on this machine is trusted to report it.
 * A client-supplied X-Forwarded-For is otherwise ignored, so rotating it cannot dodge login throttling.
 */
export function clientAddress({
  headers,
  socketAddress,
  trustProxy,
}: {
  headers: Headers;
  socketAddress: string | undefined;
  trustProxy: boolean;
}): string {
  const socket = socketAddress ?? 'unknown';
  if (!trustProxy || !isLoopback(socket)) return socket;
  const forwarded = headers.get('x-forwarded-for');
  if (!forwarded) return socket;
  // The proxy appends the address it saw last; earlier entries are whatever the client claimed.
  const last = forwarded.split(',').at(-1)?.trim();
  return last || socket;
}

const isLoopback = (address: string) => address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';

/** Whether the browser reached us over HTTPS (directly, or through the trusted local proxy). */
export function isHttpsRequest({ url, headers, trustProxy }: { url: string; headers: Headers; trustProxy: boolean }): boolean {
  if (url.startsWith('https:')) return true;
  return trustProxy && headers.get('x-forwarded-proto') === 'https';
}

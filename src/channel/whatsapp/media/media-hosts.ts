/** Meta serves media bytes from these CDN domains (the `lookaside.fbsbx.com` URLs Graph hands out). */
const META_CDN_SUFFIXES = ['.fbsbx.com', '.fbcdn.net', '.whatsapp.net', '.facebook.com'];

/**
 * Whether the channel's bearer token may be sent to this URL: the Graph host itself (for the sandbox's fake, the
 * same origin even over http), or a Meta CDN host over https on the default port. Nothing else, ever.
 */
export function isTrustedMediaUrl(target: string, graphBaseUrl: string): boolean {
  let url: URL;
  let graph: URL;
  try {
    url = new URL(target);
    graph = new URL(graphBaseUrl);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.origin === graph.origin) return true;
  if (url.protocol !== 'https:' || url.port !== '') return false;
  const host = url.hostname.toLowerCase();
  return META_CDN_SUFFIXES.some((suffix) => host.endsWith(suffix));
}

/** Where Meta must send this install's webhooks: the configured public address, else the address the admin is using. */
export function webhookUrlFor(publicUrl: string, requestUrl: string): string {
  const base = publicUrl || new URL(requestUrl).origin;
  return `${base.replace(/\/+$/, '')}/webhooks/whatsapp`;
}

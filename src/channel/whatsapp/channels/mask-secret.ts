/** Shows that a secret is set without revealing it: the last four characters of long values only, as Meta's dashboard does. */
export function maskSecret(secret: string): string {
  if (secret === '') return '(not set)';
  return secret.length >= 20 ? `••••${secret.slice(-4)}` : '••••';
}

import type { MessageKey } from '../i18n/translate';

const EXPLAINED = [131047, 131026, 131049, 131050, 131051, 131052, 131053, 131056, 130429, 130472, 131000, 132000, 132001, 190, 368, 2593109] as const;

/**
 * A plain-language sentence for the agent about a WhatsApp error code (a failed send, a rejected media file…).
 * Unknown codes get a generic sentence that still names the code: call `t(key, { code })`.
 */
export function deliveryErrorExplanation(code: number | null | undefined): { key: MessageKey; vars: { code: string } } {
  const known = (EXPLAINED as readonly number[]).includes(code ?? NaN);
  return { key: (known ? `whatsapp.error.${code}` : 'whatsapp.error.unknown') as MessageKey, vars: { code: code === null || code === undefined ? '?' : String(code) } };
}

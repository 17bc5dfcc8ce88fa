import { z } from 'zod';

// Messages are i18n keys shown beside the sandbox phone's fields.
export const customerSchema = z.object({
  name: z.string().trim().min(1, 'sandbox.field.name.required').max(60, 'sandbox.field.name.tooLong'),
  /** Typed the way people write numbers (+966 50-123 4567, 00966…); kept as WhatsApp's digits-only wa_id. */
  phone: z
    .string()
    .trim()
    .transform((v) => v.replace(/[\s().-]/g, '').replace(/^(\+|00)/, ''))
    .pipe(z.string().regex(/^[1-9]\d{6,14}$/, 'sandbox.field.phone.invalid')),
});
export type SandboxCustomerInput = z.input<typeof customerSchema>;

export const REACTION_EMOJI = ['👍', '❤️', '😂', '🙏'] as const;

export const customerActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('text'), text: z.string().trim().min(1, 'sandbox.field.text.required').max(4096, 'sandbox.field.text.tooLong') }),
  z.object({ action: z.literal('location') }),
  z.object({ action: z.literal('image'), text: z.string().trim().max(1024, 'sandbox.field.text.tooLong').default('') }),
  z.object({ action: z.literal('reaction'), emoji: z.enum(REACTION_EMOJI, { error: 'sandbox.field.emoji.invalid' }) }),
  z.object({ action: z.literal('option'), replyTo: z.string().min(1).max(200), optionId: z.string().min(1).max(256) }),
], { error: 'sandbox.field.action.invalid' });
export type CustomerActionInput = z.input<typeof customerActionSchema>;

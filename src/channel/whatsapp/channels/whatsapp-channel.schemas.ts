import { z } from 'zod';

// Messages are i18n keys; forms show them beside the field, the CLI prints their English text.
const metaId = (field: 'phoneNumberId' | 'wabaId') =>
  z
    .string()
    .trim()
    .regex(/^\d{5,30}$/, `field.${field}.invalid`);

/** Tokens are pasted from Meta's dashboard: one line of printable characters, never blank. */
const pastedSecret = (field: 'accessToken' | 'appSecret') =>
  z
    .string()
    .trim()
    .min(1, `field.${field}.required`)
    .max(2000, `field.${field}.invalid`)
    .regex(/^[\x21-\x7e]*$/, `field.${field}.invalid`);

/** A blank optional field means "not given" (generate it, or keep the stored value). */
const blankAsMissing = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());

export const channelNameSchema = z.string().trim().min(1, 'field.name.required').max(100, 'field.name.tooLong');

/** Meta echoes the verify token in a query string, so it is kept to printable ASCII without spaces. */
export const verifyTokenSchema = z
  .string()
  .trim()
  .min(8, 'field.verifyToken.tooShort')
  .max(200, 'field.verifyToken.invalid')
  .regex(/^[\x21-\x7e]+$/, 'field.verifyToken.invalid');

export const newChannelSchema = z.object({
  name: channelNameSchema,
  phoneNumberId: metaId('phoneNumberId'),
  wabaId: metaId('wabaId'),
  accessToken: pastedSecret('accessToken'),
  appSecret: pastedSecret('appSecret'),
  /** Empty or missing: Rasil generates one. */
  verifyToken: blankAsMissing(verifyTokenSchema),
});
export type NewChannelInput = z.input<typeof newChannelSchema>;

/** Edits: the token and secret are write-only, so an empty value means "keep the stored one". */
export const channelChangesSchema = z.object({
  name: channelNameSchema,
  phoneNumberId: metaId('phoneNumberId'),
  wabaId: metaId('wabaId'),
  accessToken: blankAsMissing(pastedSecret('accessToken')),
  appSecret: blankAsMissing(pastedSecret('appSecret')),
  verifyToken: verifyTokenSchema,
});
export type ChannelChangesInput = z.input<typeof channelChangesSchema>;

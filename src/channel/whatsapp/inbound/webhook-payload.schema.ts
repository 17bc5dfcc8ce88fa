import { z } from 'zod';

/**
 * Meta's webhook envelope, read leniently: ids and timestamps arrive as strings or numbers, optional parts go
 * missing, and new fields appear without notice. Only what we act on is checked; the rest passes through.
 */
export const idText = z.union([z.string(), z.number()]).transform(String);
export const timestampSchema = z.union([z.string(), z.number()]).transform((v) => Number(v));

export const errorSchema = z.looseObject({
  code: z.union([z.number(), z.string()]).transform(Number).optional(),
  title: z.string().optional(),
  message: z.string().optional(),
  details: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
  href: z.string().optional(),
});
export type MetaError = z.infer<typeof errorSchema>;

export const metadataSchema = z.looseObject({
  display_phone_number: idText.optional(),
  phone_number_id: idText.optional(),
});

export const contactSchema = z.looseObject({
  wa_id: idText.optional(),
  user_id: idText.optional(),
  profile: z.looseObject({ name: z.string().optional(), username: z.string().optional() }).optional(),
});
export type PayloadContact = z.infer<typeof contactSchema>;

export const contextSchema = z.looseObject({
  from: idText.optional(),
  id: z.string().optional(),
  forwarded: z.boolean().optional(),
  frequently_forwarded: z.boolean().optional(),
  referred_product: z.looseObject({ catalog_id: idText.optional(), product_retailer_id: idText.optional() }).optional(),
});

export const referralSchema = z.looseObject({
  source_url: z.string().optional(),
  source_id: idText.optional(),
  source_type: z.string().optional(),
  headline: z.string().optional(),
  body: z.string().optional(),
  media_type: z.string().optional(),
  image_url: z.string().optional(),
  video_url: z.string().optional(),
  thumbnail_url: z.string().optional(),
  ctwa_clid: z.string().optional(),
  welcome_message: z.looseObject({ text: z.string().optional() }).optional(),
});

/** Fields every message (inbound, echo, history) shares; the kind-specific object is read by the mapper. */
export const messageBaseSchema = z.looseObject({
  id: z.string().min(1),
  type: z.string().default('unknown'),
  from: idText.optional(),
  from_user_id: idText.optional(),
  to: idText.optional(),
  to_user_id: idText.optional(),
  timestamp: timestampSchema.optional(),
  context: contextSchema.optional().catch(undefined),
  referral: referralSchema.optional().catch(undefined),
  errors: z.array(errorSchema).optional().catch(undefined),
  history_context: z.looseObject({ status: z.string().optional() }).optional().catch(undefined),
});
export type PayloadMessage = z.infer<typeof messageBaseSchema> & Record<string, unknown>;

export const statusSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string(),
  timestamp: timestampSchema.optional(),
  recipient_id: idText.optional(),
  recipient_user_id: idText.optional(),
  recipient_type: z.string().optional(),
  biz_opaque_callback_data: z.string().optional(),
  errors: z.array(errorSchema).optional().catch(undefined),
  pricing: z.looseObject({ category: z.string().optional(), pricing_model: z.string().optional(), type: z.string().optional() }).optional().catch(undefined),
});

export const changeSchema = z.looseObject({ field: z.string(), value: z.unknown() });

export const envelopeSchema = z.looseObject({
  object: z.string().optional(),
  entry: z.array(z.looseObject({ id: idText.optional(), changes: z.array(z.unknown()).default([]) })),
});
export type Envelope = z.infer<typeof envelopeSchema>;

/** `value` of any field we route on: the arrays are read item by item so one odd item never hides the others. */
export const valueSchema = z.looseObject({
  metadata: metadataSchema.optional().catch(undefined),
  contacts: z.array(contactSchema).optional().catch(undefined),
  messages: z.array(z.unknown()).optional().catch(undefined),
  statuses: z.array(z.unknown()).optional().catch(undefined),
  errors: z.array(errorSchema).optional().catch(undefined),
  message_echoes: z.array(z.unknown()).optional().catch(undefined),
  history: z.array(z.unknown()).optional().catch(undefined),
  state_sync: z.array(z.unknown()).optional().catch(undefined),
});
export type PayloadValue = z.infer<typeof valueSchema>;

export const historyItemSchema = z.looseObject({
  metadata: z.looseObject({ phase: z.number().optional(), chunk_order: z.number().optional(), progress: z.number().optional() }).optional().catch(undefined),
  threads: z.array(z.looseObject({ id: idText.optional(), messages: z.array(z.unknown()).default([]) })).optional().catch(undefined),
  errors: z.array(errorSchema).optional().catch(undefined),
});

export const stateSyncItemSchema = z.looseObject({
  type: z.string(),
  action: z.string().optional(),
  contact: z.looseObject({ full_name: z.string().optional(), first_name: z.string().optional(), phone_number: idText.optional() }).optional(),
  metadata: z.looseObject({ timestamp: timestampSchema.optional() }).optional().catch(undefined),
});

export const accountUpdateSchema = z.looseObject({
  phone_number: idText.optional(),
  event: z.string().optional(),
  disconnection_info: z.looseObject({ reason: z.string().optional(), initiated_by: z.string().optional() }).optional(),
});

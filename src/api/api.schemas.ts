import { z } from 'zod';
import { CONVERSATION_STATUSES } from '../conversations/conversations.tables';
import { decodeCursor } from '../conversations/keyset-cursor';

/** Query parameters arrive as strings (or arrays when repeated); these schemas accept exactly one value each. */
const one = z.string().trim();

const cursor = one
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value === '') return undefined;
    const decoded = decodeCursor(value);
    if (!decoded) ctx.addIssue({ code: 'custom', message: 'Use the next_cursor value of the previous page.' });
    return decoded;
  });

const limit = z.coerce.number().int().min(1).max(100).default(25);

export const pagingQuery = z.object({ limit, cursor });

export const conversationsQuery = pagingQuery.extend({
  status: z.enum(CONVERSATION_STATUSES).optional(),
  inbox_id: one.min(1).optional(),
  assignee_id: one.min(1).optional(),
  team_id: one.min(1).optional(),
});

export const contactsQuery = pagingQuery.extend({ q: one.max(100).optional() });

export const postMessageBody = z
  .object({
    text: z.string().optional(),
    template: z
      .object({
        name: z.string().min(1).max(512),
        language: z.string().min(1).max(20),
        variables: z.array(z.string().max(1024)).max(100).default([]),
      })
      .strict()
      .optional(),
    reply_to_message_id: z.string().min(1).max(100).optional(),
  })
  .strict()
  .refine((body) => (body.text === undefined) !== (body.template === undefined), { message: 'Send either "text" or "template", not both.' });

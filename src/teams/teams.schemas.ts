import { z } from 'zod';

// Messages are i18n keys, translated where the form is shown.
export const teamSchema = z.object({
  name: z.string().trim().min(1, 'field.teamName.required').max(60, 'field.teamName.tooLong'),
  description: z.string().trim().max(500, 'field.description.tooLong'),
});
export type TeamInput = z.input<typeof teamSchema>;

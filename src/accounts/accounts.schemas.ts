import { z } from 'zod';
import { ROLES } from './accounts.tables';

// Messages are i18n keys; forms translate them, the CLI uses the English text.
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'field.email.invalid')
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'field.email.invalid');

export const nameSchema = z.string().trim().min(1, 'field.name.required').max(100, 'field.name.tooLong');

export const PASSWORD_MIN = 10;
export const passwordSchema = z.string().min(PASSWORD_MIN, 'field.password.tooShort').max(256, 'field.password.tooLong');

export const roleSchema = z.enum(ROLES, { error: 'field.role.invalid' });

export const newUserSchema = z.object({ email: emailSchema, name: nameSchema, role: roleSchema, password: passwordSchema });
export type NewUserInput = z.input<typeof newUserSchema>;

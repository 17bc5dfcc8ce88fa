import { ZodError } from 'zod';
import { isAppError } from '../../platform/errors';
import { createTranslator, type MessageKey } from '../../i18n/translate';
import { UsageError } from '../command';

const t = createTranslator('en');

/**
 * Runs a use case and turns its refusals into one English sentence each: zod field errors and AppErrors carry
 * i18n keys meant for forms, which the CLI translates instead of printing the raw keys.
 */
export async function withPlainErrors<T>(work: () => T | Promise<T>, { field }: { field?: string } = {}): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ZodError) {
      const lines = error.issues.map((issue) => {
        const name = String(issue.path[0] ?? field ?? '');
        const message = t(issue.message as MessageKey);
        return name ? `${t(`field.${name}` as MessageKey)}: ${message}` : message;
      });
      throw new UsageError([...new Set(lines)].join('\n'));
    }
    if (isAppError(error)) throw new UsageError(t(error.messageKey as MessageKey, error.vars));
    throw error;
  }
}

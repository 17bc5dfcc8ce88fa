import { ZodError } from 'zod';

/** Field name → message key of its first problem, for re-rendering a form with errors beside each field. */
export type FieldErrors = Record<string, string>;

export function toFieldErrors(error: unknown): FieldErrors | undefined {
  if (!(error instanceof ZodError)) return undefined;
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const name = String(issue.path[0] ?? '_form');
    fields[name] ??= issue.message;
  }
  return fields;
}

/** Reads a form value that may arrive as a string, a repeated field (array) or not at all. */
export const formText = (body: unknown, name: string): string => {
  if (!body || typeof body !== 'object') return '';
  const value = (body as Record<string, unknown>)[name];
  if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : '';
  return typeof value === 'string' ? value : '';
};

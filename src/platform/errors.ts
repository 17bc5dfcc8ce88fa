/**
 * An error meant for people: a stable code, an HTTP status and a translation key for the message.
 * Anything else that escapes a handler is treated as a bug and shown as a generic 500.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    /** i18n key of the public message; `vars` fill its placeholders. */
    readonly messageKey: string,
    readonly vars: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export function createErrorFactory(spec: { code: string; status: number; messageKey: string }) {
  return (vars: Record<string, string | number> = {}) => new AppError(spec.code, spec.status, spec.messageKey, vars);
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

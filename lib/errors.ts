// Typed, quiet errors. Users see a translated message chosen by `code` (catalogue key
// `Errors.<code>`); logs may get `cause`, never personal data. "Not yours" is `not_found`,
// so the existence of a private record is never revealed.
export const errorCodes = [
  'not_found',
  'unauthenticated',
  'second_factor_required',
  'invalid_input',
  'conflict',
  'rate_limited',
  'unexpected',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    options?: { cause?: unknown; retryAfterSeconds?: number },
  ) {
    super(code, options);
    this.name = 'AppError';
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
  readonly retryAfterSeconds: number | undefined;
}

export const notFound = () => new AppError('not_found');

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

import { AppError } from '@/lib/errors';

/** 'ok', or the AppError code a call failed with (anything else as text): for tables of outcomes. */
export const codeOf = (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'ok',
    (error: unknown) => (error instanceof AppError ? error.code : String(error)),
  );

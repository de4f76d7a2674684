// Typed, quiet errors. Users see a translated message chosen by `code` (catalogue key
// `Errors.<code>`); logs may get `cause`, never personal data. "Not yours" is `not_found`,
// so the existence of a private record is never revealed.
export const errorCodes = [
  'not_found',
  'unauthenticated',
  'second_factor_required',
  'invalid_input',
  // Sign-in refused: one message for unknown users, wrong passphrases and disabled accounts.
  'invalid_credentials',
  'conflict',
  'own_testimony',
  'rate_limited',
  // Submitting while no collection accepts testimonies (none created yet, or all closed).
  'no_open_collection',
  // A form without a valid, unused challenge (or with the hidden trap field filled): nothing done.
  'challenge_failed',
  // A form sent sooner after the page was shown than any person fills it: send it again.
  'challenge_wait',
  // A form posted from another site (CSRF): refused before anything is read or written.
  'cross_site',
  // A post Next could not hand to the action as a form (forged, garbled, or from another version of the page): nothing done.
  'malformed_form',
  // "Approve and publish" of a submitter's edit whose text to publish brings back words that were
  // removed from the published testimony, or a save of the text to publish that brings back words
  // removed in the saved one without saying so (lib/moderation/carry-redactions.ts): nothing done.
  'redaction_restored',
  // "Approve and publish" with a text to publish that differs from the saved one, whose preview the
  // page showed (lib/moderation/redaction-save.ts): nothing done, the typed text kept in the box.
  'unsaved_changes',
  // "Approve and publish" while the checks still find something identifying in the text (a phone
  // number, an address) that the moderator did not confirm, item by item, is not: nothing done.
  'identifying_details',
  // The database cannot be reached right now (down, restarting): try again shortly; nothing typed is lost.
  'unavailable',
  // Never said by the server: the browser could not send the post at all (offline, network down);
  // the form and what was typed stay on the page, in the browser only (components/forms/use-action-form.ts).
  'offline',
  'unexpected',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    options?: { cause?: unknown; retryAfterSeconds?: number; fieldErrors?: Record<string, string>; values?: Record<string, string> },
  ) {
    super(code, options);
    this.name = 'AppError';
    this.retryAfterSeconds = options?.retryAfterSeconds;
    this.fieldErrors = options?.fieldErrors;
    this.values = options?.values;
  }
  readonly retryAfterSeconds: number | undefined;
  /** Field name → `Validation` key, for checks only the server can make (e.g. a taken username). */
  readonly fieldErrors: Record<string, string> | undefined;
  /**
   * What the form should show in place of what was posted (e.g. a text re-based on the version
   * saved meanwhile), and what it needs to say why; never personal data the viewer may not see.
   */
  readonly values: Record<string, string> | undefined;
}

export const notFound = () => new AppError('not_found');

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

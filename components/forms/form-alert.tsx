'use client';
import { useTranslations } from 'next-intl';
import type { ErrorCode } from '@/lib/errors';
import type { ActionState } from './action-state';

/**
 * The form-level message of a failed submission, announced to screen readers (role="alert"): the
 * one error path of every form. `Errors.<code>`, or the catalogue key a form gives for a code of its
 * own (`messages`, e.g. a conflict that says what changed). `compact`: the small line under a
 * moderation form's buttons.
 */
export function FormAlert({ state, messages, compact }: { state: ActionState<unknown>; messages?: Partial<Record<ErrorCode, string>>; compact?: boolean }) {
  const t = useTranslations();
  if (state.status !== 'error') return null;
  const minutes = Math.max(1, Math.ceil((state.retryAfterSeconds ?? 60) / 60));
  const text = t(messages?.[state.error] ?? `Errors.${state.error}`, { minutes });
  if (compact) return <p role="alert" className="mt-2 text-sm font-semibold text-red-800">{text}</p>;
  // Focused when it appears (autofocus is in the server's HTML too): without JavaScript the page
  // that comes back lands at the error instead of at its top, where a refusal beside the last
  // button of a long page looked like nothing had happened (issue 18: "Submit" on the review page).
  return (
    <p role="alert" tabIndex={-1} autoFocus className="mt-4 rounded border border-red-700 bg-red-50 px-3 py-2 text-red-900 focus:outline-2 focus:outline-offset-2">
      {text}
    </p>
  );
}

/** A short confirmation after a successful submission. */
export function FormNotice({ children }: { children: React.ReactNode }) {
  return (
    <p role="status" className="mt-4 rounded border border-green-700 bg-green-50 px-3 py-2 text-green-900">
      {children}
    </p>
  );
}

export const submitButton =
  'mt-6 rounded bg-accent-ink px-5 py-2 font-semibold text-white hover:bg-ink disabled:opacity-60';
export const secondaryButton =
  'rounded border border-ink bg-white px-4 py-2 font-semibold text-ink hover:bg-line disabled:opacity-60';

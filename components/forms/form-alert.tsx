'use client';
import { useTranslations } from 'next-intl';
import type { ActionState } from './action-state';

/** The form-level message of a failed submission, announced to screen readers (role="alert"). */
export function FormAlert({ state }: { state: ActionState<unknown> }) {
  const t = useTranslations('Errors');
  if (state.status !== 'error') return null;
  const minutes = Math.max(1, Math.ceil((state.retryAfterSeconds ?? 60) / 60));
  return (
    <p role="alert" className="mt-4 rounded border border-red-700 bg-red-50 px-3 py-2 text-red-900">
      {t(state.error, { minutes })}
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

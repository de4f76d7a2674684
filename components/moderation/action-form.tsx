'use client';
// A moderation form on the form core (components/forms/use-action-form.ts). Success redirects (the
// page re-renders from the database); this component only has to show why an attempt failed
// (FormAlert, the one error path), or a result that is not an error. Without JavaScript the browser
// posts the form and the page comes back with the same notice. Its page wraps it in FormMessages
// with the namespaces its notices name. Its fields may show their own errors (useFieldError).
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { FormAction } from '@/components/forms/action-state';
import { FormAlert } from '@/components/forms/form-alert';
import { FormStateContext } from '@/components/forms/form-state-context';
import { useActionForm } from '@/components/forms/use-action-form';
import type { ErrorCode } from '@/lib/errors';

/** Catalogue keys (from the root: `Moderation.…`), never translated text. */
export type FormNotices = {
  /** In place of `Errors.<code>` for this form. */
  errors?: Partial<Record<ErrorCode, string>>;
  /** For results that are not errors (e.g. `empty`, `contact_not_allowed`). */
  results?: Record<string, string>;
};

function resultKey(data: unknown): string | null {
  if (!data || typeof data !== 'object') return null;
  if ('empty' in data) return 'empty';
  if ('refused' in data && typeof data.refused === 'string') return data.refused;
  return null;
}

export function ActionForm({ action, notices, className, children }: { action: FormAction<unknown>; notices?: FormNotices; className?: string; children: ReactNode }) {
  const t = useTranslations();
  const { state, formAction, pending } = useActionForm(action);
  const result = state.status === 'ok' ? notices?.results?.[resultKey(state.data) ?? ''] : undefined;
  return (
    <form action={formAction} className={className} aria-busy={pending} autoComplete="off">
      <FormStateContext value={state}>{children}</FormStateContext>
      <FormAlert state={state} messages={notices?.errors} compact />
      {result ? <p role="alert" className="mt-2 text-sm font-semibold text-red-800">{t(result)}</p> : null}
    </form>
  );
}

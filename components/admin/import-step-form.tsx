'use client';
// A step of the CSV import. Success redirects to the batch's page; this only shows why a step
// failed: the reason for a refused file (encoding, size, …) or a missing name column, else the
// error's general message. Without JavaScript the page comes back with the same notice.
import type { ReactNode } from 'react';
import type { FormAction } from '@/components/forms/action-state';
import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';

export function ImportStepForm({
  action,
  fieldErrors,
  label,
  className,
  children,
}: {
  action: FormAction<never>;
  /** By field error key, e.g. `csv_encoding`. */
  fieldErrors: Record<string, string>;
  label: string;
  className?: string;
  children: ReactNode;
}) {
  const { state, formAction, pending } = useActionForm(action);
  const refusal = state.status === 'error' ? Object.values(state.fieldErrors ?? {}).map((k) => fieldErrors[k]).find(Boolean) : undefined;
  return (
    <form action={formAction} aria-label={label} aria-busy={pending} className={className}>
      {refusal ? <p role="alert" className="mb-2 font-semibold text-red-800">{refusal}</p> : <FormAlert state={state} compact />}
      {children}
    </form>
  );
}

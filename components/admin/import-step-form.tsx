'use client';
// A step of the CSV import. Success redirects to the batch's page; this only shows why a step
// failed: the reason for a refused file (encoding, size, …) or a missing name column, else the
// error's general message. Without JavaScript the page comes back with the same notice.
import { useActionState, type ReactNode } from 'react';
import type { ActionState } from '@/lib/actions/define-action';

type Action = (previous: ActionState<never>, formData: FormData) => Promise<ActionState<never>>;

export function ImportStepForm({
  action,
  errors,
  fieldErrors,
  label,
  className,
  children,
}: {
  action: Action;
  /** By error code (`Errors.*`). */
  errors: Record<string, string>;
  /** By field error key, e.g. `csv_encoding`. */
  fieldErrors: Record<string, string>;
  label: string;
  className?: string;
  children: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' } as ActionState<never>);
  let notice = '';
  if (state.status === 'error') {
    const keys = Object.values(state.fieldErrors ?? {});
    notice = keys.map((k) => fieldErrors[k]).find(Boolean) ?? errors[state.error] ?? errors.unexpected ?? '';
  }
  return (
    <form action={formAction} aria-label={label} aria-busy={pending} className={className}>
      <p role="alert" className="mb-2 font-semibold text-red-800 empty:hidden">
        {notice}
      </p>
      {children}
    </form>
  );
}

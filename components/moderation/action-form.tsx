'use client';
// A moderation form. Success redirects (the page re-renders from the database); this component
// only has to show why an attempt failed. Without JavaScript the browser posts the form and the
// page comes back with the same notice.
import { useActionState, type ReactNode } from 'react';
import type { ActionState } from '@/lib/actions/define-action';

type Action<T> = (previous: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;

export type FormNotices = {
  /** Errors catalogue (`Errors.*`) by code. */
  errors: Record<string, string>;
  /** Notices for results that are not errors (e.g. `empty`, `contact_not_allowed`). */
  results?: Record<string, string>;
};

function resultKey(data: unknown): string | null {
  if (!data || typeof data !== 'object') return null;
  if ('empty' in data) return 'empty';
  if ('refused' in data && typeof data.refused === 'string') return data.refused;
  return null;
}

export function ActionForm<T>({ action, notices, className, children }: { action: Action<T>; notices: FormNotices; className?: string; children: ReactNode }) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' } as ActionState<T>);
  let notice = '';
  if (state.status === 'error') notice = notices.errors[state.error] ?? notices.errors.unexpected ?? '';
  else if (state.status === 'ok') notice = notices.results?.[resultKey(state.data) ?? ''] ?? '';
  return (
    <form action={formAction} className={className} aria-busy={pending} autoComplete="off">
      {children}
      <p role="alert" className="mt-2 text-sm font-semibold text-red-800 empty:hidden">
        {notice}
      </p>
    </form>
  );
}

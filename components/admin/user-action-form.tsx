'use client';
// One admin action on one account (a row of the users table). Without JavaScript the browser posts
// the form and the page comes back re-rendered with the answer; with JavaScript the answer appears
// in place and the table around it is refreshed from the server.
import { useRouter } from 'next/navigation';
import { useActionState, useEffect, type ReactNode } from 'react';
import type { ActionState } from '@/lib/actions/define-action';

export type UserActionDone = 'role' | 'disable' | 'enable' | 'totp' | 'sessions';
export type UserActionResult = { done: true; did: UserActionDone } | { done: false; refused: 'self' | 'last_admin' };
type Action = (previous: ActionState<UserActionResult>, formData: FormData) => Promise<ActionState<UserActionResult>>;

export type UserActionMessages = {
  /** By what was done (the result says which, not the form). */
  done: Record<UserActionDone, string>;
  refused: Record<'self' | 'last_admin', string>;
  /** Errors catalogue (`Errors.*`), by code. */
  errors: Record<string, string>;
};

export function UserActionForm({
  action,
  userId,
  messages,
  className,
  children,
}: {
  action: Action;
  userId: string;
  messages: UserActionMessages;
  className?: string;
  children: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' } as ActionState<UserActionResult>);
  const router = useRouter();
  useEffect(() => {
    if (state.status === 'ok' && state.data.done) router.refresh();
  }, [state, router]);

  let notice = '';
  if (state.status === 'ok') notice = state.data.done ? messages.done[state.data.did] : messages.refused[state.data.refused];
  else if (state.status === 'error') notice = messages.errors[state.error] ?? messages.errors.unexpected ?? '';
  return (
    <form action={formAction} className={className} aria-busy={pending}>
      <input type="hidden" name="userId" value={userId} />
      {children}
      <p role="status" className="text-sm font-semibold empty:hidden">
        {notice}
      </p>
    </form>
  );
}

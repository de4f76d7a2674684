'use client';
// One admin action on one account (a row of the users table), on the form core
// (components/forms/use-action-form.ts). Without JavaScript the browser posts the form and the page
// comes back re-rendered with the answer; with JavaScript the answer appears in place and the
// table around it is refreshed from the server. Its page gives it `Admin.done` and `Admin.refused`
// (FormMessages); a failure is a FormAlert like every form's.
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, type ReactNode } from 'react';
import type { FormAction } from '@/components/forms/action-state';
import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';

export type UserActionDone = 'role' | 'disable' | 'enable' | 'totp' | 'sessions';
export type UserActionResult = { done: true; did: UserActionDone } | { done: false; refused: 'self' | 'last_admin' };

export function UserActionForm({
  action,
  userId,
  className,
  children,
}: {
  action: FormAction<UserActionResult>;
  userId: string;
  className?: string;
  children: ReactNode;
}) {
  const t = useTranslations('Admin');
  const { state, formAction, pending } = useActionForm(action);
  const router = useRouter();
  useEffect(() => {
    if (state.status === 'ok' && state.data.done) router.refresh();
  }, [state, router]);

  // What was done (the result says which, not the form), or why it was refused.
  const notice = state.status !== 'ok' ? '' : state.data.done ? t(`done.${state.data.did}`) : t(`refused.${state.data.refused}`);
  return (
    <form action={formAction} className={className} aria-busy={pending}>
      <input type="hidden" name="userId" value={userId} />
      {children}
      <p role="status" className="text-sm font-semibold empty:hidden">
        {notice}
      </p>
      <FormAlert state={state} compact />
    </form>
  );
}

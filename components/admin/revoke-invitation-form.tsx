'use client';
// Revokes one pending invitation. With JavaScript the list is refreshed in place; without it the
// page comes back re-rendered without the row. An invitation that was used or expired meanwhile
// says so instead of pretending it was revoked.
import { useRouter } from 'next/navigation';
import { useActionState, useEffect } from 'react';
import type { ActionState } from '@/lib/actions/define-action';
import { Confirm } from './confirm';

type Action = (previous: ActionState<{ revoked: boolean }>, formData: FormData) => Promise<ActionState<{ revoked: boolean }>>;

export function RevokeInvitationForm({
  action,
  invitationId,
  labels,
  errors,
}: {
  action: Action;
  invitationId: string;
  labels: { summary: string; warning: string; confirm: string; gone: string };
  errors: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' } as ActionState<{ revoked: boolean }>);
  const router = useRouter();
  useEffect(() => {
    if (state.status === 'ok') router.refresh();
  }, [state, router]);
  let notice = '';
  if (state.status === 'ok' && !state.data.revoked) notice = labels.gone;
  else if (state.status === 'error') notice = errors[state.error] ?? errors.unexpected ?? '';
  return (
    <form action={formAction} aria-busy={pending}>
      <input type="hidden" name="invitationId" value={invitationId} />
      <Confirm summary={labels.summary} warning={labels.warning} confirm={labels.confirm} />
      <p role="status" className="text-sm font-semibold empty:hidden">
        {notice}
      </p>
    </form>
  );
}

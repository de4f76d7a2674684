'use client';
// Revokes one pending invitation. With JavaScript the list is refreshed in place; without it the
// page comes back re-rendered without the row. An invitation that was used or expired meanwhile
// says so instead of pretending it was revoked.
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import type { FormAction } from '@/components/forms/action-state';
import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';
import { Confirm } from './confirm';

export function RevokeInvitationForm({
  action,
  invitationId,
  labels,
}: {
  action: FormAction<{ revoked: boolean }>;
  invitationId: string;
  labels: { summary: string; warning: string; confirm: string; gone: string };
}) {
  const { state, formAction, pending } = useActionForm(action);
  const router = useRouter();
  useEffect(() => {
    if (state.status === 'ok') router.refresh();
  }, [state, router]);
  const notice = state.status === 'ok' && !state.data.revoked ? labels.gone : '';
  return (
    <form action={formAction} aria-busy={pending}>
      <input type="hidden" name="invitationId" value={invitationId} />
      <Confirm summary={labels.summary} warning={labels.warning} confirm={labels.confirm} />
      <p role="status" className="text-sm font-semibold empty:hidden">
        {notice}
      </p>
      <FormAlert state={state} compact />
    </form>
  );
}

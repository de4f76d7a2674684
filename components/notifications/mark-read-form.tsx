'use client';
import { useActionState } from 'react';
import { markNotificationsReadAction } from '@/app/[locale]/(account)/notifications/actions';
import { idleState as idle, type ActionState } from '@/components/forms/action-state';
import { FormAlert } from '@/components/forms/form-alert';

/**
 * Opens one notification (`notificationId`: marked read, then its testimony) or marks them all
 * read. A plain form post: works without JavaScript.
 */
export function MarkReadForm({ locale, notificationId, label, className }: { locale: string; notificationId?: string; label: string; className: string }) {
  const [state, action, pending] = useActionState(markNotificationsReadAction, idle as ActionState<never>);
  return (
    <form action={action} aria-label={label}>
      <FormAlert state={state} />
      <input type="hidden" name="locale" value={locale} />
      {notificationId && <input type="hidden" name="notificationId" value={notificationId} />}
      <button type="submit" className={className} disabled={pending}>
        {label}
      </button>
    </form>
  );
}

'use client';
import type { FormAction } from '@/components/forms/action-state';
import { useActionForm } from '@/components/forms/use-action-form';
import { FormAlert } from '@/components/forms/form-alert';

/**
 * Opens one notification (`notificationId`: marked read, then its testimony) or marks them all
 * read. A plain form post: works without JavaScript.
 */
export function MarkReadForm({ action, locale, notificationId, label, className }: { action: FormAction<never>; locale: string; notificationId?: string; label: string; className: string }) {
  const { state, formAction, pending } = useActionForm(action);
  return (
    <form action={formAction} aria-label={label}>
      <FormAlert state={state} />
      <input type="hidden" name="locale" value={locale} />
      {notificationId && <input type="hidden" name="notificationId" value={notificationId} />}
      <button type="submit" className={className} disabled={pending}>
        {label}
      </button>
    </form>
  );
}

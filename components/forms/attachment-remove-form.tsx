'use client';
import { useTranslations } from 'next-intl';
import type { FormAction } from './action-state';
import { useActionForm } from './use-action-form';
import { FormAlert } from './form-alert';

/** The button beside each of the submitter's own files (a plain form: works without JavaScript). */
export function AttachmentRemoveForm({ action, attachmentId, number }: { action: FormAction; attachmentId: string; number: number }) {
  const t = useTranslations('Media');
  const { state, formAction, pending } = useActionForm(action);
  return (
    <form action={formAction} className="mt-1 inline-block">
      <input type="hidden" name="attachmentId" value={attachmentId} />
      <button type="submit" disabled={pending} aria-label={t('removeLabel', { number })} className="text-sm text-red-800 underline">
        {pending ? t('removing') : t('remove')}
      </button>
      <FormAlert state={state} />
    </form>
  );
}

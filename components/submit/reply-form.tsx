'use client';
import { useTranslations } from 'next-intl';
import { onlyUnavailableNotice, unavailableState, type FormAction } from '@/components/forms/action-state';
import { useActionForm } from '@/components/forms/use-action-form';
import { FormAlert, submitButton } from '@/components/forms/form-alert';

export type ReplyResult = { refused: 'closed' | 'contact_not_allowed' };

/** `unavailable`: the page could not read the thread (database down); see `onlyUnavailableNotice`. */
export function ReplyForm({ action, locale, testimonyId, unavailable }: { action: FormAction<ReplyResult>; locale: string; testimonyId: string; unavailable?: boolean }) {
  const t = useTranslations('Messages');
  const v = useTranslations('Validation');
  const { state, formAction, pending } = useActionForm(action);
  const error = state.status === 'error' ? state.fieldErrors?.body : undefined;
  if (onlyUnavailableNotice(unavailable, state)) return <FormAlert state={unavailableState} />;
  return (
    <form action={formAction} aria-label={t('reply')} className="mt-4" autoComplete="off">
      <FormAlert state={state} />
      {state.status === 'ok' && <p role="status">{t(`refused.${state.data.refused}`)}</p>}
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="testimonyId" value={testimonyId} />
      <label htmlFor="reply-body" className="block font-medium">
        {t('replyLabel')}
      </label>
      <textarea id="reply-body" name="body" dir="auto" rows={5} required defaultValue={state.status === 'error' ? state.values?.body : ''} aria-invalid={error ? true : undefined} aria-describedby={error ? 'reply-body-error' : undefined} className="mt-1 w-full rounded border border-muted bg-white px-3 py-2" />
      {error && (
        <p id="reply-body-error" className="mt-1 text-sm font-medium text-red-800">
          {v(error as 'required')}
        </p>
      )}
      <button type="submit" className={submitButton} disabled={pending}>
        {t('reply')}
      </button>
    </form>
  );
}

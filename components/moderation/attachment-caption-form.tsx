'use client';
// The caption readers see of one file, written by the moderator (lib/media/captions.ts). The box
// starts from the saved public caption (an emptied one stays empty) or, before any save, from the
// submitter's caption with only what the checks find taken out (names are not: the hint says so);
// nothing is public until it is saved, and what the checks find is saved only on a tick. A refusal sits next
// to the box, which keeps what was typed. Works without JavaScript (the page returns with it).
import { useTranslations } from 'next-intl';
import type { FormAction } from '@/components/forms/action-state';
import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';
import { captionMaxLength } from '@/lib/validation/attachment-options';

type Labels = { label: string; hint: string; save: string; notIdentifying: string };

export function AttachmentCaptionForm(props: { action: FormAction; locale: string; testimonyId: string; attachmentId: string; start: string; labels: Labels; /** The saved caption has something the checks find (ticked when it was saved). */ found?: boolean }) {
  const tv = useTranslations('Validation');
  const { state, formAction, pending } = useActionForm(props.action);
  const error = state.status === 'error' ? state.fieldErrors?.publicCaption : undefined;
  const typed = state.status === 'error' ? state.values?.publicCaption : undefined;
  const id = `public-caption-${props.attachmentId}`;
  return (
    <form action={formAction} aria-busy={pending} className="mt-2" autoComplete="off">
      {error ? null : <FormAlert state={state} compact />}
      <input type="hidden" name="attachmentId" value={props.attachmentId} />
      <input type="hidden" name="testimonyId" value={props.testimonyId} />
      <input type="hidden" name="locale" value={props.locale} />
      <label htmlFor={id} className="block font-medium">{props.labels.label}</label>
      <p id={`${id}-hint`} className="text-sm text-muted">{props.labels.hint}</p>
      <input
        key={typed === undefined ? props.start : 'typed'}
        id={id}
        name="publicCaption"
        dir="auto"
        maxLength={captionMaxLength}
        defaultValue={typed ?? props.start}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ')}
        className="mt-1 w-full rounded border border-muted bg-white px-3 py-2 aria-invalid:border-red-700"
      />
      {error === 'captionIdentifying' || props.found ? (
        <label className="mt-1 flex items-start gap-2 text-sm">
          <input type="checkbox" name="notIdentifying" value="yes" className="mt-1" />
          <span>{props.labels.notIdentifying}</span>
        </label>
      ) : null}
      {error ? <p id={`${id}-error`} role="alert" className="mt-1 text-sm font-semibold text-red-800">{tv(error as 'invalid')}</p> : null}
      <button type="submit" disabled={pending} className="mt-2 rounded border border-muted px-3 py-1 hover:bg-white disabled:opacity-60">{props.labels.save}</button>
    </form>
  );
}

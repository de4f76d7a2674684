'use client';
// One file's choice on the review screen: public or moderators-only. Success redirects back to
// the review page; a refusal (flagged file, documentation only, portrait without consent, claim
// lost) is shown beside the choice. Works without JavaScript (the page returns with the notice).
import { useTranslations } from 'next-intl';
import type { FormAction } from '@/components/forms/action-state';
import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';

type Labels = { legend: string; public: string; moderators: string; save: string };

/** Why the server refused a choice (`ReviewFiles.refusals.*`, given by the page's FormMessages). */
const refusals = ['metadataNotRemoved', 'documentationOnly', 'portraitNotConsented'];

export function AttachmentVisibilityForm(props: {
  action: FormAction;
  locale: string;
  testimonyId: string;
  attachmentId: string;
  visibility: 'public' | 'moderators';
  canBePublic: boolean;
  labels: Labels;
}) {
  const { state, formAction, pending } = useActionForm(props.action);
  const { labels } = props;
  const t = useTranslations('ReviewFiles');
  const refusal = state.status === 'error' ? state.fieldErrors?.visibility : undefined;
  return (
    <form action={formAction} aria-busy={pending} className="mt-2">
      <input type="hidden" name="attachmentId" value={props.attachmentId} />
      <input type="hidden" name="testimonyId" value={props.testimonyId} />
      <input type="hidden" name="locale" value={props.locale} />
      <fieldset>
        <legend className="font-medium">{labels.legend}</legend>
        <label className="me-4 inline-flex items-center gap-1">
          <input type="radio" name="visibility" value="moderators" defaultChecked={props.visibility === 'moderators'} />
          {labels.moderators}
        </label>
        <label className="inline-flex items-center gap-1">
          <input type="radio" name="visibility" value="public" defaultChecked={props.visibility === 'public'} disabled={!props.canBePublic} />
          {labels.public}
        </label>
      </fieldset>
      <button type="submit" className="mt-2 rounded border border-muted px-3 py-1 hover:bg-white">
        {labels.save}
      </button>
      {refusal && refusals.includes(refusal) ? (
        <p role="alert" className="mt-2 text-sm font-semibold text-red-800">
          {t(`refusals.${refusal}`)}
        </p>
      ) : (
        <FormAlert state={state} compact />
      )}
    </form>
  );
}

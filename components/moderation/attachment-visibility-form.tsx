'use client';
// One file's choice on the review screen: public or moderators-only. Success redirects back to
// the review page; a refusal (flagged file, documentation only, portrait without consent, claim
// lost) is shown beside the choice. Works without JavaScript (the page returns with the notice).
import { useActionState } from 'react';
import { setAttachmentVisibilityAction } from '@/app/[locale]/(staff)/staff/attachments/actions';
import { idleState } from '@/components/forms/action-state';

type Labels = { legend: string; public: string; moderators: string; save: string; refusals: Record<string, string>; errors: Record<string, string> };

export function AttachmentVisibilityForm(props: {
  locale: string;
  testimonyId: string;
  attachmentId: string;
  visibility: 'public' | 'moderators';
  canBePublic: boolean;
  labels: Labels;
}) {
  const [state, formAction, pending] = useActionState(setAttachmentVisibilityAction, idleState);
  const { labels } = props;
  const refusal = state.status === 'error' ? state.fieldErrors?.visibility : undefined;
  const notice = state.status !== 'error' ? '' : ((refusal && labels.refusals[refusal]) ?? labels.errors[state.error] ?? labels.errors.unexpected ?? '');
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
      <p role="alert" className="mt-1 text-sm font-semibold text-red-800 empty:hidden">
        {notice}
      </p>
    </form>
  );
}

'use client';
// Correcting the redaction of a published testimony (lib/moderation/correction.ts): the box starts
// from the text readers see; saving replaces it at once, once the moderator ticks that they mean it
// (the tick refused is said next to it, the typed text kept). A tab opened before another
// correction is refused with its text re-based on the newer one, which is shown under the box;
// bringing back removed words is refused naming them, with a box to tick to do it on purpose.
// Works without JavaScript: the posted page comes back with this state.
import { useTranslations } from 'next-intl';
import type { FormAction } from '@/components/forms/action-state';
import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';
import { isRestored, isStale } from '@/lib/concurrency/version';
import { suggestionKey, suggestRedactions } from '@/lib/moderation/redaction';
import { NotIdentifyingFieldset } from './publish-controls';
import { RestoredWords, restoredWords, SavedMeanwhile } from './saved-meanwhile';

type Props = {
  action: FormAction;
  locale: string;
  testimonyId: string;
  publishedRevisionId: string;
  published: string;
  language: string;
  labels: { label: string; hint: string; confirm: string; save: string; savedMeanwhile: string; restoredWords: string; restoreConfirm: string; confirmLegend: string };
  /** The names of the kinds of items the checks find (phone, address…). */
  kinds: Record<string, string>;
  /** The public credit, when it reads like a full name: ticked like the other items (lib/moderation/credit-check.ts). */
  credit?: { key: string; label: string; text: string } | null;
};

export function CorrectionForm({ action, locale, testimonyId, publishedRevisionId, published, language, labels, kinds, credit }: Props) {
  const tv = useTranslations('Validation');
  const { state, formAction, pending } = useActionForm(action);
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {};
  const typed = state.status === 'error' ? state.values?.redactedNarrative : undefined;
  const stale = isStale(state, 'redactedNarrative');
  const restoring = isRestored(state, 'redactedNarrative');
  const restored = restoring && state.status === 'error' ? restoredWords(state.values?.restored) : [];
  const textError = errors.redactedNarrative;
  // The checks "Approve and publish" runs, on the text the box holds (the one posted last, or the
  // public one): each item is ticked "not identifying" or taken out before the correction is public.
  const found = [...suggestRedactions(typed ?? published).map((s) => ({ key: suggestionKey(s), label: kinds[s.kind] ?? s.kind, text: s.text })), ...(credit ? [credit] : [])];
  return (
    <form action={formAction} aria-busy={pending} autoComplete="off" className="mt-4">
      {textError || errors.confirmed || errors.notIdentifying ? null : <FormAlert state={state} />}
      <input type="hidden" name="testimonyId" value={testimonyId} />
      <input type="hidden" name="publishedRevisionId" value={publishedRevisionId} />
      <input type="hidden" name="locale" value={locale} />
      <label htmlFor="correction-text" className="block font-medium">{labels.label}</label>
      <p id="correction-hint" className="text-sm text-muted">{labels.hint}</p>
      <textarea
        key={`${publishedRevisionId}:${typed ?? ''}`}
        id="correction-text"
        name="redactedNarrative"
        rows={10}
        dir="auto"
        lang={language}
        defaultValue={typed ?? published}
        aria-invalid={textError ? true : undefined}
        aria-describedby={['correction-hint', textError && 'correction-error', stale && 'correction-current'].filter(Boolean).join(' ')}
        className="mt-1 w-full rounded border border-muted bg-white p-2 aria-invalid:border-red-700"
      />
      {textError ? (
        <div id="correction-error" role="alert" className="mt-1 text-sm font-semibold text-red-800">
          <p>{tv(textError as 'required')}</p>
          <RestoredWords id="correction-restored-label" label={labels.restoredWords} words={restored} language={language} />
        </div>
      ) : null}
      <SavedMeanwhile id="correction-current" heading={stale ? labels.savedMeanwhile : null} text={published} language={language} restoring={restoring} restoreConfirm={labels.restoreConfirm} />
      <NotIdentifyingFieldset key={`found:${typed ?? ''}`} items={found} legend={labels.confirmLegend} language={language} error={errors.notIdentifying ?? null} errorId="correction-found-error" />
      <label className="mt-3 flex items-start gap-2">
        <input type="checkbox" name="confirmed" value="yes" className="mt-1" aria-invalid={errors.confirmed ? true : undefined} aria-describedby={errors.confirmed ? 'correction-confirm-error' : undefined} />
        <span>{labels.confirm}</span>
      </label>
      {errors.confirmed ? <p id="correction-confirm-error" role="alert" className="mt-1 text-sm font-semibold text-red-800">{tv(errors.confirmed as 'required')}</p> : null}
      <button type="submit" disabled={pending} className="mt-2 rounded border border-muted px-4 py-2 font-semibold hover:bg-white disabled:opacity-60">{labels.save}</button>
    </form>
  );
}

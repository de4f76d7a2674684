'use client';
import { useTranslations } from 'next-intl';
import type { FormAction } from '@/components/forms/action-state';
import { useActionForm } from '@/components/forms/use-action-form';
import { FormAlert, submitButton } from '@/components/forms/form-alert';
import { currentChallenge, FormGate } from '@/components/forms/form-gate';
import { ProofOfWork } from '@/components/forms/proof-of-work';

/**
 * The token is made by the server for each render of the page: posting the same page twice (double
 * click, retry, back and post again) creates one draft.
 */
/** An open collection as the start form offers it (name and description in the page's language). */
export type CollectionChoice = { slug: string; name: string; description: string | null };

/**
 * With more than one open collection the submitter chooses one (preselected when the address or the
 * person named it); with one, nothing is asked and the server takes that one.
 */
export function StartForm({ action, locale, token, person, choices, chosen }: { action: FormAction<never>; locale: string; token: string; person?: string; choices: CollectionChoice[]; chosen?: string }) {
  const t = useTranslations('Submit');
  const v = useTranslations('Validation');
  const { state, formAction, pending } = useActionForm(action);
  const error = state.status === 'error' ? state.fieldErrors?.collection : undefined;
  const selected = (state.status === 'error' ? state.values?.collection : undefined) ?? chosen;
  return (
    <form action={formAction} aria-label={t('startHeading')}>
      <FormAlert state={state} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="token" value={token} />
      {person && <input type="hidden" name="person" value={person} />}
      {choices.length > 1 ? (
        <fieldset className="mt-4" aria-describedby={error ? 'collection-error' : 'collection-hint'} aria-invalid={error ? true : undefined}>
          <legend className="font-medium">{t('collectionLegend')}</legend>
          <p id="collection-hint" className="text-sm text-muted">
            {t('collectionHint')}
          </p>
          <ul className="mt-2 space-y-2">
            {choices.map((c) => (
              <li key={c.slug}>
                <label className="flex gap-2 rounded border border-line bg-white p-3">
                  <input type="radio" name="collection" value={c.slug} defaultChecked={selected === c.slug} required className="mt-1" aria-describedby={c.description ? `collection-${c.slug}-text` : undefined} />
                  <span>
                    <span className="block font-semibold" dir="auto">
                      {c.name}
                    </span>
                    {c.description && (
                      <span id={`collection-${c.slug}-text`} className="block text-sm text-muted" dir="auto">
                        {c.description}
                      </span>
                    )}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {error && (
            <p id="collection-error" className="mt-1 text-sm font-medium text-red-800">
              {v(error as 'required')}
            </p>
          )}
        </fieldset>
      ) : (
        chosen && <input type="hidden" name="collection" value={chosen} />
      )}
      <button type="submit" className={submitButton} disabled={pending}>
        {t('startButton')}
      </button>
    </form>
  );
}

/** The last step's button; the same token makes a repeated post add nothing. */
export function SubmitForm({ action, locale, draftId, token, challenge, label }: { action: FormAction<never>; locale: string; draftId: string; token: string; challenge: string; label: string }) {
  const { state, formAction, pending } = useActionForm(action);
  return (
    // noValidate: the proof-of-work widget's checkbox must not hold the form back (the server decides,
    // and without a solved proof of work the timed challenge still lets a person through).
    <form action={formAction} aria-label={label} noValidate>
      <FormAlert state={state} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="draftId" value={draftId} />
      <input type="hidden" name="token" value={token} />
      <FormGate challenge={currentChallenge(state, challenge)} />
      <ProofOfWork start="now" />
      <button type="submit" className={submitButton} disabled={pending}>
        {label}
      </button>
    </form>
  );
}

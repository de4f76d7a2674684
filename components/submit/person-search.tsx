import { getTranslations } from 'next-intl/server';

/**
 * The memorial search of the first step, inside the step's form (components/submit/about-step.tsx):
 * its button saves what was typed and comes back with the results as `?q=` (works without
 * JavaScript; issue 18: a GET form of its own lost the other fields).
 */
export async function PersonSearch({ locale, q, noMatch }: { locale: string; q: string; noMatch: boolean }) {
  const t = await getTranslations({ locale, namespace: 'Submit.about' });
  return (
    <div role="search" aria-label={t('searchLabel')} className="mt-4 rounded border border-line bg-white p-4">
      <label htmlFor="person-q" className="block font-medium">
        {t('searchLabel')}
      </label>
      <p id="person-q-hint" className="text-sm text-muted">
        {t('searchHint')}
      </p>
      <div className="mt-1 flex gap-2">
        <input
          id="person-q"
          name="q"
          type="search"
          dir="auto"
          defaultValue={q}
          maxLength={200}
          aria-describedby={noMatch ? 'person-q-hint person-q-none' : 'person-q-hint'}
          className="min-w-0 flex-1 rounded border border-muted px-3 py-2"
        />
        <button type="submit" name="intent" value="search" className="shrink-0 whitespace-nowrap rounded border border-ink px-4 py-2 font-semibold">
          {t('searchButton')}
        </button>
      </div>
      {/* Said next to the field and announced: an empty answer must not look like nothing happened. */}
      {noMatch && (
        <p id="person-q-none" role="status" className="mt-2 text-sm font-medium">
          {t('noMatches')} {t('noMatchesNext')}
        </p>
      )}
    </div>
  );
}

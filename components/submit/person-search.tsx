import { getTranslations } from 'next-intl/server';

/** A plain GET form: the search is a URL (works without JavaScript) and changes nothing. */
export async function PersonSearch({ locale, action, q, noMatch }: { locale: string; action: string; q: string; noMatch: boolean }) {
  const t = await getTranslations({ locale, namespace: 'Submit.about' });
  return (
    <form method="get" action={action} role="search" autoComplete="off" aria-label={t('searchLabel')} className="mt-4 rounded border border-line bg-white p-4">
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
          aria-describedby={noMatch ? 'person-q-hint person-q-none' : 'person-q-hint'}
          className="min-w-0 flex-1 rounded border border-muted px-3 py-2"
        />
        <button type="submit" className="shrink-0 whitespace-nowrap rounded border border-ink px-4 py-2 font-semibold">
          {t('searchButton')}
        </button>
      </div>
      {/* Said next to the field and announced: an empty answer must not look like nothing happened. */}
      {noMatch && (
        <p id="person-q-none" role="status" className="mt-2 text-sm font-medium">
          {t('noMatches')} {t('noMatchesNext')}
        </p>
      )}
    </form>
  );
}

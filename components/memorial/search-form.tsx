import { getTranslations } from 'next-intl/server';
import { provinces } from '@/lib/geo/provinces';
import type { Locale } from '@/lib/i18n/routing';
import type { PublicCollection } from '@/lib/memorial/dto';
import {
  genderOptions,
  hasFilters,
  outcomeOptions,
  perpetratorOptions,
  type PersonQuery,
  sortOptions,
  verificationOptions,
} from '@/lib/memorial/query';

const field = 'mt-1 block w-full rounded border border-muted bg-white px-3 py-2';
const label = 'block font-medium';

/**
 * The search form: a plain GET form, so every search is a shareable URL and works without
 * JavaScript. Filters sit in a <details> that is open whenever a filter is set.
 */
export async function SearchForm({ locale, query, collections }: { locale: Locale; query: PersonQuery; collections: PublicCollection[] }) {
  const t = await getTranslations({ locale, namespace: 'Search' });
  const p = await getTranslations({ locale, namespace: 'Person' });
  const select = (name: keyof PersonQuery, options: readonly string[], text: (o: string) => string) => (
    <div>
      <label htmlFor={`f-${name}`} className={label}>
        {t(name as 'gender')}
      </label>
      <select id={`f-${name}`} name={name} defaultValue={String(query[name] ?? '')} className={field}>
        <option value="">{t('any')}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {text(o)}
          </option>
        ))}
      </select>
    </div>
  );
  const input = (name: keyof PersonQuery, type: string, extra: Record<string, string> = {}) => (
    <div>
      <label htmlFor={`f-${name}`} className={label}>
        {t(name as 'city')}
      </label>
      <input id={`f-${name}`} name={name} type={type} defaultValue={query[name] === undefined ? '' : String(query[name])} className={field} {...extra} />
    </div>
  );

  return (
    <form action={`/${locale}/search`} method="get" role="search" aria-label={t('title')} className="mt-6">
      <label htmlFor="search-q" className={label}>
        {t('queryLabel')}
      </label>
      <div className="mt-1 flex flex-wrap gap-2">
        <input
          id="search-q"
          name="q"
          type="search"
          dir="auto"
          autoComplete="off"
          defaultValue={query.q ?? ''}
          aria-describedby="search-q-hint"
          className="min-w-0 flex-1 basis-56 rounded border border-muted bg-white px-3 py-2"
        />
        <button type="submit" className="rounded bg-accent-ink px-5 py-2 font-semibold text-white hover:bg-ink">
          {t('submit')}
        </button>
      </div>
      <p id="search-q-hint" className="mt-1 text-sm text-muted">
        {t('queryHint')}
      </p>

      <details open={hasFilters(query)} className="mt-4 rounded border border-line bg-white p-4">
        <summary className="cursor-pointer font-semibold">{t('filtersSummary')}</summary>
        <fieldset className="mt-3 grid gap-4 sm:grid-cols-2">
          <legend className="sr-only">{t('filtersLegend')}</legend>
          {collections.length > 1
            ? select('collection', collections.map((c) => c.slug), (slug) => {
                const c = collections.find((x) => x.slug === slug)!;
                return locale === 'fa' ? c.nameFa : c.nameEn;
              })
            : null}
          {select('province', provinces.map((x) => x.code), (code) => {
            const pr = provinces.find((x) => x.code === code)!;
            return locale === 'fa' ? pr.nameFa : pr.nameEn;
          })}
          {input('city', 'text')}
          {input('dateFrom', 'text', { inputMode: 'numeric', placeholder: locale === 'fa' ? '۱۳۹۸/۰۸/۲۴' : '2019-11-15', 'aria-describedby': 'date-hint', dir: 'ltr' })}
          {input('dateTo', 'text', { inputMode: 'numeric', placeholder: locale === 'fa' ? '۱۳۹۸/۰۹/۰۹' : '2019-11-30', 'aria-describedby': 'date-hint', dir: 'ltr' })}
          <p id="date-hint" className="text-sm text-muted sm:col-span-2">
            {t('dateHint')}
          </p>
          {input('ageMin', 'text', { inputMode: 'numeric' })}
          {input('ageMax', 'text', { inputMode: 'numeric' })}
          <div className="flex items-center gap-2 sm:col-span-2">
            <input id="f-children" name="children" type="checkbox" value="1" defaultChecked={!!query.children} className="h-5 w-5" />
            <label htmlFor="f-children">{t('children')}</label>
          </div>
          {select('gender', genderOptions, (o) => p(`gender.${o}` as 'gender.male'))}
          {select('outcome', outcomeOptions, (o) => p(`outcome.${o}` as 'outcome.killed'))}
          {select('perpetrator', perpetratorOptions, (o) => p(`perpetrator.${o}` as 'perpetrator.irgc'))}
          {select('verification', verificationOptions, (o) => p(`verification.${o}` as 'verification.verified'))}
          <div>
            <label htmlFor="f-sort" className={label}>
              {t('sort')}
            </label>
            <select id="f-sort" name="sort" defaultValue={query.sort ?? ''} className={field}>
              <option value="">{t('any')}</option>
              {sortOptions.map((o) => (
                <option key={o} value={o}>
                  {t(`sort${o[0]!.toUpperCase()}${o.slice(1)}` as 'sortDate')}
                </option>
              ))}
            </select>
          </div>
          {query.limit !== undefined ? <input type="hidden" name="limit" value={query.limit} /> : null}
          <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
            <button type="submit" className="rounded bg-accent-ink px-5 py-2 font-semibold text-white hover:bg-ink">
              {t('apply')}
            </button>
            <a href={`/${locale}/search`}>{t('clear')}</a>
          </div>
        </fieldset>
      </details>
    </form>
  );
}

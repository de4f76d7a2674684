import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { type PersonQuery, personQueryParams } from '@/lib/memorial/query';
import { num } from './format';

/** Numbered page links (plain URLs: shareable, no JavaScript), a window around the current page. */
export async function Pagination({ locale, query, page, pageCount }: { locale: Locale; query: PersonQuery; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  const t = await getTranslations({ locale, namespace: 'Search' });
  const href = (n: number) => {
    const params = personQueryParams(query, { page: n }).toString();
    return `/${locale}/search${params ? `?${params}` : ''}`;
  };
  const pages = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])].filter((n) => n >= 1 && n <= pageCount).sort((a, b) => a - b);
  const link = 'inline-block min-w-10 rounded border border-line bg-white px-3 py-2 text-center';
  return (
    <nav aria-label={t('paginationLabel')} className="mt-8">
      <ul className="flex flex-wrap items-center gap-2">
        {page > 1 ? (
          <li>
            <a href={href(page - 1)} rel="prev" className={link}>
              {t('previous')}
            </a>
          </li>
        ) : null}
        {pages.map((n) => (
          <li key={n}>
            {n === page ? (
              <a href={href(n)} aria-current="page" className={`${link} font-bold`} aria-label={t('currentPage', { page: n })}>
                {num(n, locale)}
              </a>
            ) : (
              <a href={href(n)} className={link} aria-label={t('pageLink', { page: n })}>
                {num(n, locale)}
              </a>
            )}
          </li>
        ))}
        {page < pageCount ? (
          <li>
            <a href={href(page + 1)} rel="next" className={link}>
              {t('next')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

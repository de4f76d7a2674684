import { provinces } from '@/lib/geo/provinces';
import type { Locale } from '@/lib/i18n/routing';
import type { PublicPersonSummary } from '@/lib/memorial/dto';
import { personPath } from '@/lib/memorial/paths';
import { translatorFor } from '@/lib/open-data/translator';
import { html, type SafeHtml } from '@/lib/security/html.mjs';
import { displayDate, num } from './format';
import { partSeparator } from '@/lib/i18n/separator';

type ListProps = {
  persons: PublicPersonSummary[];
  locale: Locale;
  headingLevel?: 2 | 3;
  /** Where a person's name links (the static mirror, lib/mirror, links relatively). */
  href?: (p: PublicPersonSummary) => string;
};

/**
 * Persons as a list of cards; the name links to the person's page. Made as a string, the one markup
 * of the list on the site, in the static mirror and in the public search the cache splices
 * (components/memorial/search-results.ts): it goes into a page as one string, not as elements.
 * The links are plain: a person's page is served from the public cache, a full load of it costs
 * less than a client-side navigation, which Next renders afresh.
 */
export function personListHtml({ persons, locale, headingLevel = 3, href = (p) => personPath(locale, p) }: ListProps): SafeHtml {
  const t = translatorFor(locale, 'Person');
  const heading = `h${headingLevel}`;
  const approx = (precision: PublicPersonSummary['incidentDatePrecision'], date: string) => (precision === 'approximate' ? t('approximately', { date }) : date);
  const cards = persons.map((p) => {
    const province = provinces.find((x) => x.code === p.province);
    const primary = locale === 'fa' ? p.nameFa : (p.nameLatin ?? p.nameFa);
    const secondary = locale === 'fa' ? p.nameLatin : p.nameFa;
    const place = [p.city, province ? (locale === 'fa' ? province.nameFa : province.nameEn) : null].filter(Boolean).join(locale === 'fa' ? '، ' : ', ');
    return html`<li class="rounded border border-line bg-white p-4"><${heading} class="text-lg font-semibold"><a href="${href(p)}"><bdi>${primary}</bdi></a></${heading}>${
      secondary ? html`<p class="text-sm text-muted" lang="${locale === 'fa' ? 'en' : 'fa'}" dir="auto">${secondary}</p>` : null
    }<p class="mt-2 text-sm"><span class="font-medium">${t(`outcome.${p.outcome}`)}</span>${p.age !== null ? html`<span>${`${partSeparator(locale)}${t('age')} ${num(p.age, locale)}`}</span>` : null}${
      p.incidentDate ? html`<span>${`${partSeparator(locale)}${approx(p.incidentDatePrecision, displayDate(p.incidentDate, p.incidentDatePrecision, locale))}`}</span>` : null
    }</p>${place ? html`<p class="text-sm text-muted"><bdi>${place}</bdi></p>` : null}</li>`;
  });
  return html`<ul class="grid gap-3 sm:grid-cols-2">${cards}</ul>`;
}

/** The list in a React page (the site's home and collection pages, the static mirror). */
export function PersonList(props: ListProps) {
  return <div dangerouslySetInnerHTML={{ __html: personListHtml(props).value }} />;
}

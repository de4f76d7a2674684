import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { provinces } from '@/lib/geo/provinces';
import type { Locale } from '@/lib/i18n/routing';
import type { PublicPersonSummary } from '@/lib/memorial/dto';
import { personPath } from '@/lib/memorial/paths';
import { displayDate, num } from './format';

/** Persons as a list of cards; the name links to the person's page. */
export async function PersonList({ persons, locale, headingLevel = 3 }: { persons: PublicPersonSummary[]; locale: Locale; headingLevel?: 2 | 3 }) {
  const t = await getTranslations({ locale, namespace: 'Person' });
  const Heading = `h${headingLevel}` as const;
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {persons.map((p) => {
        const province = provinces.find((x) => x.code === p.province);
        const primary = locale === 'fa' ? p.nameFa : (p.nameLatin ?? p.nameFa);
        const secondary = locale === 'fa' ? p.nameLatin : p.nameFa;
        const place = [p.city, province ? (locale === 'fa' ? province.nameFa : province.nameEn) : null].filter(Boolean).join(locale === 'fa' ? '، ' : ', ');
        return (
          <li key={p.id} className="rounded border border-line bg-white p-4">
            <Heading className="text-lg font-semibold">
              <Link href={personPath(locale, p)} prefetch={false}>
                <bdi>{primary}</bdi>
              </Link>
            </Heading>
            {secondary ? (
              <p className="text-sm text-muted" lang={locale === 'fa' ? 'en' : 'fa'} dir="auto">
                {secondary}
              </p>
            ) : null}
            <p className="mt-2 text-sm">
              <span className="font-medium">{t(`outcome.${p.outcome}`)}</span>
              {p.age !== null ? <span>{` · ${t('age')} ${num(p.age, locale)}`}</span> : null}
              {p.incidentDate ? <span>{` · ${displayDate(p.incidentDate, p.incidentDatePrecision, locale)}`}</span> : null}
            </p>
            {place ? <p className="text-sm text-muted">{place}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}

import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { provinces } from '@/lib/geo/provinces';
import type { Locale } from '@/lib/i18n/routing';
import type { DatePrecision, PublicPersonSummary } from '@/lib/memorial/dto';
import { personPath } from '@/lib/memorial/paths';
import { displayDate, num } from './format';
import type { PersonT } from './person-facts';

const NextLink = ({ href, children }: { href: string; children: React.ReactNode }) => (
  <Link href={href} prefetch={false}>
    {children}
  </Link>
);

/** Persons as a list of cards; the name links to the person's page. */
export async function PersonList(props: { persons: PublicPersonSummary[]; locale: Locale; headingLevel?: 2 | 3 }) {
  const t = await getTranslations({ locale: props.locale, namespace: 'Person' });
  return <PersonListView {...props} t={t} href={(p) => personPath(props.locale, p)} Anchor={NextLink} />;
}

type Anchor = (props: { href: string; children: React.ReactNode }) => React.ReactNode;

/**
 * The same, rendered synchronously with a given translator, person link and anchor (the static
 * mirror, lib/mirror, links relatively with a plain `<a>`).
 */
export function PersonListView({
  persons,
  locale,
  headingLevel = 3,
  t,
  href,
  Anchor,
}: {
  persons: PublicPersonSummary[];
  locale: Locale;
  headingLevel?: 2 | 3;
  t: PersonT;
  href: (p: PublicPersonSummary) => string;
  Anchor: Anchor;
}) {
  const Heading = `h${headingLevel}` as const;
  const approx = (precision: DatePrecision | null, date: string) => (precision === 'approximate' ? t('approximately', { date }) : date);
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
              <Anchor href={href(p)}>
                <bdi>{primary}</bdi>
              </Anchor>
            </Heading>
            {secondary ? (
              <p className="text-sm text-muted" lang={locale === 'fa' ? 'en' : 'fa'} dir="auto">
                {secondary}
              </p>
            ) : null}
            <p className="mt-2 text-sm">
              <span className="font-medium">{t(`outcome.${p.outcome}`)}</span>
              {p.age !== null ? <span>{` · ${t('age')} ${num(p.age, locale)}`}</span> : null}
              {p.incidentDate ? <span>{` · ${approx(p.incidentDatePrecision, displayDate(p.incidentDate, p.incidentDatePrecision, locale))}`}</span> : null}
            </p>
            {place ? (
              <p className="text-sm text-muted">
                <bdi>{place}</bdi>
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

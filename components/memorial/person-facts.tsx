import { getTranslations } from 'next-intl/server';
import { provinces } from '@/lib/geo/provinces';
import type { Locale } from '@/lib/i18n/routing';
import type { PublicPerson } from '@/lib/memorial/dto';
import { displayDate, num, otherCalendarDate } from './format';

/** A translator for the `Person` namespace: next-intl's on the site, createTranslator's in the static mirror. */
export type PersonT = Awaited<ReturnType<typeof getTranslations<'Person'>>>;

/** The facts of a record as a description list (term/definition pairs read well in screen readers). */
export async function PersonFacts({ person, locale, headingId }: { person: PublicPerson; locale: Locale; headingId?: string }) {
  return <PersonFactsView person={person} locale={locale} headingId={headingId} t={await getTranslations({ locale, namespace: 'Person' })} />;
}

/** The same, rendered synchronously with a given translator (also by the static mirror, lib/mirror). */
export function PersonFactsView({ person, locale, t, headingId = 'facts-heading' }: { person: PublicPerson; locale: Locale; t: PersonT; headingId?: string }) {
  const province = provinces.find((x) => x.code === person.province);
  const sep = locale === 'fa' ? '، ' : ', ';
  let date: string | null = null;
  if (person.incidentDate) {
    const both = t('dateBoth', {
      solar: displayDate(person.incidentDate, person.incidentDatePrecision, locale),
      gregorian: otherCalendarDate(person.incidentDate, person.incidentDatePrecision, locale),
    });
    date = person.incidentDatePrecision === 'approximate' ? t('approximately', { date: both }) : both;
  }
  const facts: Array<[string, React.ReactNode]> = [];
  const add = (label: string, value: React.ReactNode | null | undefined) => {
    if (value !== null && value !== undefined && value !== '') facts.push([label, value]);
  };
  add(t('outcomeLabel'), t(`outcome.${person.outcome}`));
  add(t('age'), person.age !== null ? num(person.age, locale) : null);
  add(t('date'), date);
  // Every value a person wrote is isolated: a leading "<" or quotation marks stay where they were typed.
  const isolatedList = (values: Array<string | null | undefined>, between: string) => {
    const present = values.filter((v): v is string => !!v);
    return present.length
      ? present.map((v, i) => (
          <span key={i}>
            {i > 0 ? between : null}
            <bdi>{v}</bdi>
          </span>
        ))
      : null;
  };
  add(t('place'), isolatedList([person.place, person.city, province ? (locale === 'fa' ? province.nameFa : province.nameEn) : null], sep));
  add(t('cause'), person.cause ? <bdi>{person.cause}</bdi> : null);
  add(t('perpetratorLabel'), t(`perpetrator.${person.perpetrator}`));
  add(t('aftermathLabel'), person.aftermath.length ? person.aftermath.map((a) => (t.has(`aftermath.${a}`) ? t(`aftermath.${a}` as 'aftermath.body_withheld') : a)).join(sep) : null);
  add(t('occupation'), person.occupation ? <bdi>{person.occupation}</bdi> : null);
  add(t('fatherName'), isolatedList([person.fatherNameFa, person.fatherNameLatin], ' / '));
  add(
    t('verificationLabel'),
    <>
      <span className="font-medium">{t(`verification.${person.verification}`)}</span>
      {' — '}
      {t(`verificationExplained.${person.verification}`)}
    </>,
  );
  add(t('collectionLabel'), locale === 'fa' ? person.collection.nameFa : person.collection.nameEn);

  return (
    <section aria-labelledby={headingId} className="mt-8">
      <h2 id={headingId} className="text-2xl font-semibold">
        {t('factsHeading')}
      </h2>
      <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-muted">{label}</dt>
            <dd className="mb-2 sm:mb-0">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

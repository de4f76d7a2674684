import { getTranslations } from 'next-intl/server';
import { isolate } from '@/components/layout/isolate';
import type { Locale } from '@/lib/i18n/routing';
import type { DatePrecision, Gender, PublicTestimony } from '@/lib/memorial/dto';
import { displayDate, num } from './format';
import type { PersonT } from './person-facts';
import { SensitiveImage } from './sensitive-image';
import { partSeparator } from '@/lib/i18n/separator';

/** Published testimonies, each credited exactly as its submitter consented. */
type Permalinks = {
  /** Each testimony's permanent address (absolute), shown under it. */
  permalink?: (testimonyId: string) => string;
  /** A link (the site), or the address as text only (the static mirror links nowhere outside itself). */
  linkPermalinks?: boolean;
};

export async function TestimonyList(props: { testimonies: PublicTestimony[]; locale: Locale; gender: Gender; sensitive: boolean } & Permalinks) {
  return <TestimonyListView {...props} t={await getTranslations({ locale: props.locale, namespace: 'Person' })} />;
}

/** The same, rendered synchronously with a given translator (also by the static mirror, lib/mirror). */
export function TestimonyListView({
  testimonies,
  locale,
  gender,
  sensitive,
  t,
  permalink,
  linkPermalinks = true,
}: { testimonies: PublicTestimony[]; locale: Locale; gender: Gender; sensitive: boolean; t: PersonT } & Permalinks) {
  const approx = (precision: DatePrecision | null, date: string) => (precision === 'approximate' ? t('approximately', { date }) : date);
  const credit = (c: PublicTestimony['credit']) => {
    // A chosen name isolated (<bdi>): in another script it must not reorder the sentence.
    const text =
      c.kind === 'anonymous'
        ? t.rich('testimonyOf', { kind: 'anonymous', relationship: '', name: '', isolate })
        : c.kind === 'relationship'
          ? t.rich('testimonyOf', { kind: 'relationship', relationship: t(`relationship.${c.relationship}`, { gender }), name: '', isolate })
          : t.rich('testimonyOf', { kind: 'name', relationship: '', name: c.name, isolate });
    // The year in the reader's calendar: Solar Hijri on a Persian page («روایت مادرش، ۱۴۰۵»).
    const year = c.kind === 'anonymous' ? null : locale === 'fa' ? c.yearSolarHijri : c.year;
    return year !== null ? t.rich('creditYear', { credit: () => text, year: num(year, locale).replace(/[٬,]/g, '') }) : text;
  };
  return (
    <ol className="mt-4 space-y-6">
      {testimonies.map((item) => (
        <li key={item.id}>
          <article aria-labelledby={`testimony-${item.id}`} className="rounded border border-line bg-white p-4">
            <h3 id={`testimony-${item.id}`} className="font-semibold">
              {credit(item.credit)}
            </h3>
            <p className="mt-1 text-sm text-muted">
              {item.hand === 'first' ? t('firstHand') : t('secondHand')}
              {item.eventDate ? `${partSeparator(locale)}${t('testimonyDate', { date: approx(item.eventDatePrecision, displayDate(item.eventDate, item.eventDatePrecision, locale)) })}` : null}
              {item.place ? (
                <>
                  {partSeparator(locale)}
                  {t('testimonyPlace', { place: '' })}
                  <bdi>{item.place}</bdi>
                </>
              ) : null}
            </p>
            <div lang={item.language} dir="auto" className="mt-3 space-y-3 leading-relaxed">
              {item.narrative.split(/\n\s*\n/).map((paragraph, i) => (
                <p key={i} dir="auto" className="whitespace-pre-line">
                  {paragraph}
                </p>
              ))}
            </div>
            {item.attachments.length > 0 ? (
              <div className="mt-4">
                <h4 className="text-sm font-semibold">{t('attachmentsLabel')}</h4>
                <ul className="mt-2 flex flex-wrap gap-3">
                  {item.attachments.map((a) => (
                    <li key={a.id}>
                      {a.kind === 'image' ? (
                        <SensitiveImage src={a.src} alt={a.caption ?? ''} sensitive={sensitive} label={t('showImage')} />
                      ) : (
                        <a href={a.src}>{a.caption ?? a.mime}</a>
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {permalink ? (
              <p className="mt-3 text-sm">
                {linkPermalinks ? (
                  <a href={permalink(item.id)} aria-describedby={`testimony-${item.id}`}>
                    {t('testimonyPermalink')}
                  </a>
                ) : (
                  <>
                    {t('testimonyPermalink')}: <span dir="ltr" className="break-all font-mono">{permalink(item.id)}</span>
                  </>
                )}
              </p>
            ) : null}
          </article>
        </li>
      ))}
    </ol>
  );
}

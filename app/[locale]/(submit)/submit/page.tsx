import { randomBytes } from 'node:crypto';
import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { withDb } from '@/lib/db';
import { FormMessages } from '@/components/forms/form-messages';
import { StartForm } from '@/components/submit/start-form';
import { requirePageAccess } from '@/lib/authz/page-access';
import { formatDate } from '@/lib/i18n/dates';
import { routing } from '@/lib/i18n/routing';
import { listOpenCollections } from '@/lib/collections/open';
import { listOwnTestimonies, personCollectionSlug, publishedPersonsByIds } from '@/lib/testimonies';
import { startTestimonyAction } from './actions';
import { aboutLabel } from '@/lib/testimonies/about-label';
import { nameFor } from '@/lib/testimonies/about-label';

// Never cached anywhere: a submitter's drafts are theirs alone (next.config.js adds no-store too).
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ person?: string | string[]; collection?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'Submit' }))('title'), robots: { index: false } };
}

/** Start a testimony, or continue one of the viewer's drafts. */
export default async function SubmitStartPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const { person: personParam, collection: collectionParam } = await searchParams;
  // Signing in (or up) first brings the person back here, still about the same person and collection.
  const backQuery = new URLSearchParams();
  if (typeof personParam === 'string') backQuery.set('person', personParam.slice(0, 64));
  if (typeof collectionParam === 'string') backQuery.set('collection', collectionParam.slice(0, 64));
  const back = backQuery.size > 0 ? `/${locale}/submit?${backQuery}` : `/${locale}/submit`;
  const viewer = await requirePageAccess({ permission: 'testimony.submit' }, { locale, path: back });
  // From a person page: the new testimony is about this (published) person.
  const [person] = typeof personParam === 'string' ? await withDb(publishedPersonsByIds, [personParam]) : [];
  const open = await withDb(listOpenCollections);
  // The collection's own address (`?collection=`) or the person's collection preselects it, when open.
  const wanted = typeof collectionParam === 'string' ? collectionParam : person ? await withDb(personCollectionSlug, person.id) : undefined;
  const chosen = open.find((c) => c.slug === wanted)?.slug;
  const choices = open.map((c) => ({ slug: c.slug, name: locale === 'fa' ? c.nameFa : c.nameEn, description: locale === 'fa' ? c.descriptionFa : c.descriptionEn }));
  const drafts = (await withDb(listOwnTestimonies, viewer)).filter((d) => d.status === 'draft' || d.status === 'changes_requested');
  const t = await getTranslations('Submit');
  // A fresh token per render: the idempotency key of the start form.
  const token = randomBytes(18).toString('base64url');
  return (
    <div className="mx-auto max-w-2xl px-4 py-10">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="mt-3">{t('intro')}</p>
      {drafts.length > 0 && (
        <section aria-labelledby="resume-heading" className="mt-8">
          <h2 id="resume-heading" className="text-xl font-semibold">
            {t('resumeHeading')}
          </h2>
          <ul className="mt-2 list-disc ps-6">
            {drafts.map((d) => (
              <li key={d.id}>
                <a href={`/${locale}/submit/${d.id}/${d.status === 'draft' ? 'about' : 'account'}`}>
                  <span dir="auto">{aboutLabel(d.about, locale) || t('resumeUnnamed')}</span>
                </a>{' '}
                <span className="text-sm text-muted">{t('resumeItem', { date: formatDate(d.updatedAt, locale) })}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="start-heading" className="mt-8">
        <h2 id="start-heading" className="text-xl font-semibold">
          {t('startHeading')}
        </h2>
        {person && (
          <p className="mt-2">
            {t('startAbout')} <bdi className="font-semibold">{nameFor(person, locale)}</bdi>
          </p>
        )}
        <FormMessages namespaces={['Submit']}>
          <StartForm action={startTestimonyAction} locale={locale} token={token} person={person?.id} choices={choices} chosen={chosen} />
        </FormMessages>
      </section>
    </div>
  );
}

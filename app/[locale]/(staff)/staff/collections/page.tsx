import { getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import { CollectionForm } from '@/components/admin/collection-form';
import { collectionPath } from '@/lib/memorial/paths';
import { FormMessages } from '@/components/forms/form-messages';
import { FormNotice } from '@/components/forms/form-alert';
import { withDb } from '@/lib/db';
import { requirePageAccess } from '@/lib/authz/page-access';
import { listCollections } from '@/lib/collections/manage';
import { formatNumber } from '@/lib/i18n/dates';
import type { Locale } from '@/lib/i18n/routing';
import { saveCollectionAction } from './actions';
import { partSeparator } from '@/lib/i18n/separator';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ saved?: string }> };

export default async function CollectionsPage({ params, searchParams }: Props) {
  await connection();
  const { locale } = await params;
  const { saved } = await searchParams;
  const viewer = await requirePageAccess({ permission: 'collection.manage' }, { locale, path: `/${locale}/staff/collections` });
  const t = await getTranslations({ locale, namespace: 'Collections' });
  const collections = await withDb(listCollections, viewer);
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 max-w-3xl">{t('intro')}</p>
      {saved === '1' && <FormNotice>{t('saved')}</FormNotice>}
      {collections.length === 0 && <p className="mt-4 font-semibold">{t('none')}</p>}
      <FormMessages namespaces={['Collections']}>
        {collections.map((c) => {
          const name = locale === 'fa' ? c.nameFa : c.nameEn;
          return (
            <section key={c.id} aria-labelledby={`collection-${c.id}`} className="mt-6 border-t border-line pt-4">
              <h2 id={`collection-${c.id}`} className="text-xl font-semibold">
                <bdi>{name}</bdi>
              </h2>
              <p className="text-sm">
                {c.openForSubmissions ? t('isOpen') : t('isClosed')}{partSeparator(locale)}
                {t('counts', { persons: formatNumber(c.persons, locale), testimonies: formatNumber(c.testimonies, locale) })}
                {/* A closed collection without public records has no public page (lib/memorial/collections.ts). */}
                {(c.openForSubmissions || c.persons > 0) && (
                  <>
                    {partSeparator(locale)}
                    <a href={collectionPath.home(locale, c.slug)}>{t('publicPage')}</a>
                  </>
                )}
              </p>
              <CollectionForm
                action={saveCollectionAction}
                locale={locale}
                label={t('edit', { name })}
                collection={{ id: c.id, slug: c.slug, nameFa: c.nameFa, nameEn: c.nameEn, descriptionFa: c.descriptionFa ?? '', descriptionEn: c.descriptionEn ?? '', startsOn: c.startsOn ?? '', endsOn: c.endsOn ?? '', open: c.openForSubmissions }}
              />
            </section>
          );
        })}
        <section aria-labelledby="create-collection" className="mt-8 border-t border-line pt-4">
          <h2 id="create-collection" className="text-xl font-semibold">{t('createHeading')}</h2>
          <CollectionForm action={saveCollectionAction} locale={locale} label={t('createHeading')} />
        </section>
      </FormMessages>
    </>
  );
}

import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { FieldTable } from '@/components/open-data/field-table';
import { MirrorSection } from '@/components/open-data/mirror-section';
import { formatNumber } from '@/lib/i18n/dates';
import { routing } from '@/lib/i18n/routing';
import { JsonLd } from '@/components/memorial/json-ld';
import { apiMaxLimit } from '@/lib/open-data/api-query';
import { bulkFiles, datasetCitation, datasetJsonLd } from '@/lib/open-data/citation';
import { documentedFields } from '@/lib/open-data/documentation';
import { dataLicence } from '@/lib/open-data/licence';
import { siteOrigin } from '@/lib/open-data/site';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'OpenData' });
  return {
    title: t('title'),
    description: t('metaDescription'),
    alternates: { types: { 'application/atom+xml': `/${locale}/feed.xml` } },
  };
}

// Rendered per request although it reads no data: a prerendered page carries no CSP nonce, so
// its scripts would be blocked (lib/security/headers.mjs).
export default async function DataPage({ params }: Props) {
  await connection();
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations('OpenData');
  const section = 'mt-10';
  const h2 = 'text-2xl font-semibold';
  const endpoints = [
    ['persons', '/api/v1/persons'],
    ['person', '/api/v1/persons/{id}'],
    ['testimonies', '/api/v1/testimonies'],
    ['retracted', '/api/v1/retracted'],
  ] as const;
  // Every absolute URL from the configured public origin (never the request's Host): this page is
  // cached and served alike to every reader.
  const origin = siteOrigin();
  const citation = datasetCitation(origin);
  const table = (kind: keyof typeof documentedFields) =>
    documentedFields[kind].map((f) => ({ key: f.key, csv: f.csv, meaning: t(`fields.${kind}.${f.key}`) }));
  const tableProps = { fieldHeading: t('fieldColumn'), csvHeading: t('csvColumn'), meaningHeading: t('meaningColumn') };

  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <JsonLd data={datasetJsonLd(origin, locale, t('metaDescription'))} />
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="mt-4 text-lg">{t('intro')}</p>

      <section aria-labelledby="included-heading" className={section}>
        <h2 id="included-heading" className={h2}>{t('includedHeading')}</h2>
        <p className="mt-3">{t('included')}</p>
        <p className="mt-3">{t('excluded')}</p>
      </section>

      <section aria-labelledby="downloads-heading" className={section}>
        <h2 id="downloads-heading" className={h2}>{t('downloadsHeading')}</h2>
        <ul className="mt-3 list-disc space-y-1 ps-6">
          {bulkFiles.map(({ key, path: href }) => (
            <li key={key}>
              <a href={href} download>{t(`downloads.${key}`)}</a> <code dir="ltr" className="text-sm text-muted">{href}</code>
            </li>
          ))}
        </ul>
        <p className="mt-3 text-sm">{t('fullRecordNote')}</p>
        <p className="mt-3 text-sm">{t('csvNote')}</p>
        <p className="mt-3 text-sm">{t('csvListsNote')}</p>
        <p className="mt-3 text-sm">{t('retractedNote')}</p>
        <p className="mt-3 text-sm">
          {t('statisticsNote')}{' '}
          <Link href={`/${locale}/statistics`} prefetch={false}>{t('statisticsLink')}</Link>
        </p>
      </section>

      <MirrorSection locale={locale} />

      <section aria-labelledby="api-heading" className={section}>
        <h2 id="api-heading" className={h2}>{t('apiHeading')}</h2>
        <p className="mt-3">{t('apiIntro', { max: formatNumber(apiMaxLimit, locale) })}</p>
        <dl className="mt-3 space-y-3">
          {endpoints.map(([key, path]) => (
            <div key={key}>
              <dt><code dir="ltr" className="font-semibold">GET {path}</code></dt>
              <dd className="ms-4 text-sm">{t(`apiEndpoints.${key}`)}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-3">
          <a href="/api/v1/openapi.json">{t('openApiLink')}</a>{' '}
          <code dir="ltr" className="text-sm text-muted">/api/v1/openapi.json</code>
        </p>
      </section>

      <section aria-labelledby="fields-heading" className={section}>
        <h2 id="fields-heading" className={h2}>{t('fieldsHeading')}</h2>
        <p className="mt-3">{t('fieldsIntro')}</p>
        <FieldTable caption={t('personFieldsCaption')} {...tableProps} rows={table('person')} />
        <FieldTable caption={t('testimonyFieldsCaption')} {...tableProps} rows={table('testimony')} />
        <FieldTable caption={t('retractionFieldsCaption')} {...tableProps} rows={table('retraction')} />
        <FieldTable caption={t('fileFieldsCaption')} {...tableProps} rows={table('file')} />
      </section>

      <section aria-labelledby="feed-heading" className={section}>
        <h2 id="feed-heading" className={h2}>{t('feedHeading')}</h2>
        <p className="mt-3">
          {t('feedText')} <a href={`/${locale}/feed.xml`}>{t('feedLink')}</a>
        </p>
      </section>

      <section aria-labelledby="licence-heading" className={section}>
        <h2 id="licence-heading" className={h2}>{t('licenceHeading')}</h2>
        <p className="mt-3">{t('licence', { licence: dataLicence.name })}</p>
        <p className="mt-3 text-sm">
          <a href={dataLicence.url} rel="license noreferrer">{dataLicence.name}</a>
        </p>
        <h3 id="dataset-cite-heading" className="mt-6 text-xl font-semibold">{t('citeDatasetHeading')}</h3>
        <p className="mt-2">{t('citeDatasetText')}</p>
        <p className="mt-2 break-words font-mono text-sm" dir="ltr" lang="en">{citation.text}</p>
        <pre aria-label={t('citeDatasetBibtex')} className="mt-2 overflow-x-auto rounded border border-line bg-white p-3 text-sm" dir="ltr" lang="en">
          {citation.bibtex}
        </pre>
        <p className="mt-3 text-sm text-muted">{t('mapCredit')}</p>
      </section>
    </div>
  );
}

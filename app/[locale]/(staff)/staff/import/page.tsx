import { getTranslations } from 'next-intl/server';
import { FileInput } from '@/components/forms/file-input';
import { connection } from 'next/server';
import { StaffTable, staffCell } from '@/components/staff/staff-table';
import { ImportStepForm } from '@/components/admin/import-step-form';
import { withDb } from '@/lib/db';
import { requirePageAccess } from '@/lib/authz/page-access';
import { listCollections } from '@/lib/collections/manage';
import { formatDate, formatNumber } from '@/lib/i18n/dates';
import type { Locale } from '@/lib/i18n/routing';
import { listImportBatches } from '@/lib/imports/batches';
import { importLimits } from '@/lib/imports/csv';
import { uploadImportAction } from './actions';
import { FormMessages } from '@/components/forms/form-messages';

type Props = { params: Promise<{ locale: Locale }> };

const field = 'mt-1 rounded border border-muted bg-white px-3 py-2';

export default async function ImportPage({ params }: Props) {
  await connection();
  const { locale } = await params;
  const viewer = await requirePageAccess({ permission: 'data.import' }, { locale, path: `/${locale}/staff/import` });
  const t = await getTranslations({ locale, namespace: 'Import' });
  const tm = await getTranslations({ locale, namespace: 'Media' });
  const [collections, batches] = await Promise.all([withDb(listCollections, viewer), withDb(listImportBatches, viewer)]);
  const fileErrors = Object.fromEntries(
    (['required', 'csv_empty', 'csv_encoding', 'csv_tooLarge', 'csv_tooManyRows', 'csv_tooManyColumns', 'csv_malformed'] as const).map((k) => [
      k,
      t(`fileErrors.${k}`, { rows: formatNumber(importLimits.rows, locale), megabytes: formatNumber(importLimits.bytes / 1024 / 1024, locale), columns: formatNumber(importLimits.columns, locale) }),
    ]),
  );
  return (
    <FormMessages namespaces={[]}>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 max-w-3xl">{t('intro')}</p>
      <section aria-labelledby="upload-heading" className="mt-6">
        <h2 id="upload-heading" className="text-xl font-semibold">{t('uploadHeading')}</h2>
        {collections.length === 0 ? (
          <p className="mt-2">
            {t('noCollection')} <a href={`/${locale}/staff/collections`}>{t('collectionsLink')}</a>
          </p>
        ) : (
          <ImportStepForm action={uploadImportAction} fieldErrors={fileErrors} label={t('uploadHeading')} className="mt-2 space-y-3">
            <input type="hidden" name="locale" value={locale} />
            <div>
              <label htmlFor="import-collection" className="block font-medium">{t('collection')}</label>
              <select id="import-collection" name="collectionId" className={field} defaultValue={collections[0]!.id}>
                {collections.map((c) => (
                  <option key={c.id} value={c.id}>{locale === 'fa' ? c.nameFa : c.nameEn}</option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="import-file" className="block font-medium">{t('file')}</label>
              <p id="import-file-hint" className="text-sm text-muted">
                {t('fileHint', { rows: formatNumber(importLimits.rows, locale), megabytes: formatNumber(importLimits.bytes / 1024 / 1024, locale) })}
              </p>
              <FileInput id="import-file" name="file" accept=".csv,text/csv" aria-describedby="import-file-hint" text={{ choose: tm('fileChoose'), noneChosen: tm('fileNoneChosen'), chosen: tm('fileChosen') }} />
            </div>
            <button type="submit" className="rounded bg-accent-ink px-5 py-2 font-semibold text-white hover:bg-ink">{t('upload')}</button>
          </ImportStepForm>
        )}
      </section>
      {batches.length > 0 && (
        <StaffTable caption={t('batchesCaption')} columns={(['colUploaded', 'colBy', 'colRows', 'colStatus'] as const).map((c) => t(c))} className="mt-8">
              {batches.map((b) => (
                <tr key={b.id}>
                  <th scope="row" className={`${staffCell} font-normal`}>
                    <a href={`/${locale}/staff/import/${b.id}`}>{formatDate(b.createdAt, locale)}</a>
                  </th>
                  <td className={staffCell}>{b.createdBy ? <bdi>{b.createdBy}</bdi> : '—'}</td>
                  <td className={staffCell}>{formatNumber(b.rowCount, locale)}</td>
                  <td className={staffCell}>
                    {t(`status.${b.status}`)}
                    {b.summary ? ` (${t('importedCount', { count: b.summary.imported ?? 0 })})` : ''}
                  </td>
                </tr>
              ))}
        </StaffTable>
      )}
    </FormMessages>
  );
}

import { getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import { notFound } from 'next/navigation';
import { StaffTable, staffCell } from '@/components/staff/staff-table';
import { ImportStepForm } from '@/components/admin/import-step-form';
import { withDb } from '@/lib/db';
import { requirePageAccess } from '@/lib/authz/page-access';
import { AppError } from '@/lib/errors';
import { formatDate, formatNumber } from '@/lib/i18n/dates';
import type { Locale } from '@/lib/i18n/routing';
import { getImportBatch } from '@/lib/imports/batches';
import { importFields } from '@/lib/imports/fields';
import { importOutcomes } from '@/lib/imports/row';
import type { MatchReasons } from '@/lib/imports/duplicates';
import { dryRunImport, shownProblems } from '@/lib/imports/run';
import { columnFieldName } from '@/lib/validation/import';
import { commitImportAction, discardImportAction, mapImportAction } from '../actions';
import { FormMessages } from '@/components/forms/form-messages';
import { partSeparator } from '@/lib/i18n/separator';

type Props = { params: Promise<{ locale: Locale; id: string }>; searchParams: Promise<{ checked?: string }> };

const select = 'rounded border border-muted bg-white px-2 py-1';
const primary = 'rounded bg-accent-ink px-5 py-2 font-semibold text-white hover:bg-ink';

export default async function ImportBatchPage({ params, searchParams }: Props) {
  await connection();
  const { locale, id } = await params;
  const viewer = await requirePageAccess({ permission: 'data.import' }, { locale, path: `/${locale}/staff/import/${id}` });
  const t = await getTranslations({ locale, namespace: 'Import' });
  const batch = await withDb(getImportBatch, viewer, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const open = batch.status === 'uploaded';
  const dryRun = open && batch.mappingSaved ? await withDb(dryRunImport, viewer, id) : null;
  const checked = !!dryRun && !!(await searchParams).checked;
  const mappingErrors = { nameColumnRequired: t('nameColumnRequired') };
  const n = (v: number) => formatNumber(v, locale);
  const sampleOf = (index: number) => batch.sample.map((r) => r[index]).find(Boolean);
  const matchReasons = (r: MatchReasons) =>
    [
      t('reasons.name', { percent: r.name }),
      ...(['fatherName', 'age', 'province', 'city'] as const).filter((k) => r[k]).map((k) => t(`reasons.${k}`)),
    ].join(partSeparator(locale));

  return (
    <FormMessages namespaces={[]}>
      <p>
        <a href={`/${locale}/staff/import`}>{t('backToImports')}</a>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t('batchTitle', { date: formatDate(batch.createdAt, locale) })}</h1>
      <p className="mt-2">
        {t('batchFacts', { rows: batch.rowCount, columns: batch.headers.length, collection: locale === 'fa' ? batch.collection.nameFa : batch.collection.nameEn })}{' '}
        <strong>{t(`status.${batch.status}`)}</strong>
      </p>

      {batch.summary && (
        <section aria-labelledby="result-heading" className="mt-6">
          <h2 id="result-heading" className="text-xl font-semibold">{t('resultHeading')}</h2>
          <p role="status" className="mt-2">
            {t('result', { imported: batch.summary.imported ?? 0, invalid: batch.summary.invalid ?? 0, duplicates: batch.summary.duplicatesSkipped ?? 0 })}
          </p>
          <p className="mt-2">
            <a href={`/${locale}/staff/persons?status=draft`}>{t('reviewLink')}</a>
          </p>
        </section>
      )}

      {open && (
        <section aria-labelledby="mapping-heading" className="mt-6">
          <h2 id="mapping-heading" className="text-xl font-semibold">{t('mappingHeading')}</h2>
          <p className="mt-1 max-w-3xl">{batch.mappingSaved ? t('mappingSavedIntro') : t('mappingIntro')}</p>
          <ImportStepForm action={mapImportAction} fieldErrors={mappingErrors} label={t('mappingHeading')} className="mt-3">
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="batchId" value={batch.id} />
            <StaffTable caption={t('mappingCaption')} columns={[t('colField'), t('colColumn')]} hiddenCaption className="">
                {importFields.map((f) => (
                  <tr key={f}>
                    <th scope="row" className={`${staffCell} font-normal`}>
                      <label htmlFor={`map-${f}`}>{t(`fields.${f}`)}</label>
                    </th>
                    <td className={staffCell}>
                      <select id={`map-${f}`} name={columnFieldName(f)} defaultValue={batch.mapping.columns[f]?.toString() ?? ''} className={select}>
                        <option value="">{t('notInFile')}</option>
                        {batch.headers.map((h, i) => {
                          const sample = sampleOf(i);
                          return (
                            <option key={i} value={i}>
                              {sample ? t('columnWithSample', { column: h, sample: sample.slice(0, 40) }) : h}
                            </option>
                          );
                        })}
                      </select>
                    </td>
                  </tr>
                ))}
            </StaffTable>
            <div className="mt-3">
              <label htmlFor="map-default-outcome" className="block font-medium">{t('defaultOutcome')}</label>
              <select id="map-default-outcome" name="defaultOutcome" defaultValue={batch.mapping.defaultOutcome ?? ''} className={`mt-1 ${select}`}>
                <option value="">{t('noDefaultOutcome')}</option>
                {importOutcomes.map((o) => (
                  <option key={o} value={o}>{t(`outcomes.${o}`)}</option>
                ))}
              </select>
            </div>
            <button type="submit" className={`mt-4 ${primary}`}>{t('checkRows')}</button>
          </ImportStepForm>
          {/* Before the dry run and always in the page, so the message appearing in it when the page re-renders in place is announced. */}
          <p role="status" className="mt-3 font-semibold">{checked ? t('checked') : null}</p>
        </section>
      )}

      {dryRun && (
        <section id="dry-run" aria-labelledby="dry-run-heading" className="mt-8">
          <h2 id="dry-run-heading" className="text-xl font-semibold">{t('dryRunHeading')}</h2>
          <ul className="mt-2 list-disc ps-6">
            <li>{t('countRows', { count: dryRun.rows })}</li>
            <li>
              <strong>{t('countWillImport', { count: dryRun.willImport })}</strong>
            </li>
            <li>{t('countInvalid', { count: dryRun.invalid })}</li>
            <li>{t('countDuplicates', { count: dryRun.likelyDuplicates, valid: dryRun.validDuplicates })}</li>
          </ul>
          {dryRun.problems.length > 0 && (
            <p className="mt-2">
              <a href={`/api/imports/${batch.id}/left-out?locale=${locale}`} download>
                {t('downloadLeftOut')}
              </a>
            </p>
          )}
          {dryRun.problems.length > 0 && (
            <StaffTable
                caption={dryRun.problems.length < shownProblems ? t('problemsCaption') : t('problemsCaptionFirst', { count: n(shownProblems) })}
                columns={(['colRow', 'colName', 'colErrors', 'colDuplicates'] as const).map((c) => t(c))}
                small
                className="mt-4"
              >
                  {dryRun.problems.map((p) => (
                    <tr key={p.row}>
                      <th scope="row" className={`${staffCell} font-normal`}>{n(p.row)}</th>
                      <td className={staffCell}><bdi>{p.name || '—'}</bdi></td>
                      <td className={staffCell}>
                        {Object.keys(p.errors).length ? (
                          <ul>
                            {Object.entries(p.errors).map(([f, key]) => {
                              const value = p.values[f as keyof typeof p.values];
                              return (
                                <li key={f}>
                                  {t(`rowErrors.${key}`, { field: f === 'name' ? t('fields.nameFa') : t(`fields.${f}`) })}
                                  {value ? <> {t.rich('cellValue', { value: () => <bdi className="font-mono">{value.slice(0, 80)}</bdi> })}</> : null}
                                </li>
                              );
                            })}
                          </ul>
                        ) : '—'}
                      </td>
                      <td className={staffCell}>
                        <ul>
                          {p.duplicates.map((d) => (
                            <li key={d.id}>
                              <a href={`/${locale}/staff/persons/${d.id}`}><bdi>{d.nameFa}</bdi>{d.nameLatin ? <>{partSeparator(locale)}<bdi>{d.nameLatin}</bdi></> : null}</a> ({t(`personStatus.${d.status}`)})
                              <br />
                              <span className="text-sm">{matchReasons(d.reasons)}</span>
                            </li>
                          ))}
                          {p.repeatsRow !== null && <li>{t('repeatsRow', { row: n(p.repeatsRow) })}</li>}
                        </ul>
                        {p.duplicates.length === 0 && p.repeatsRow === null && '—'}
                      </td>
                    </tr>
                  ))}
            </StaffTable>
          )}
          <ImportStepForm action={commitImportAction} fieldErrors={{}} label={t('importHeading')} className="mt-6 rounded border border-line bg-white p-4">
            <h3 className="font-semibold">{t('importHeading')}</h3>
            <p className="mt-1">{t('importIntro')}</p>
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="batchId" value={batch.id} />
            {dryRun.validDuplicates > 0 && (
              <label className="mt-3 flex items-center gap-2">
                <input type="checkbox" name="includeDuplicates" value="on" />
                {t('includeDuplicates', { count: dryRun.validDuplicates })}
              </label>
            )}
            <button type="submit" className={`mt-4 ${primary}`}>{t('importButton')}</button>
          </ImportStepForm>
        </section>
      )}

      {open && (
        <ImportStepForm action={discardImportAction} fieldErrors={{}} label={t('discard')} className="mt-6">
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="batchId" value={batch.id} />
          <button type="submit" className="rounded border border-muted px-4 py-2 hover:bg-white">{t('discard')}</button>
        </ImportStepForm>
      )}
    </FormMessages>
  );
}

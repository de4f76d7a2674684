import { getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import { DecideExportForm, RequestExportForm } from '@/components/admin/evidence-export-forms';
import { StaffTable, staffCell } from '@/components/staff/staff-table';
import { withDb } from '@/lib/db';
import { requirePageAccess } from '@/lib/authz/page-access';
import { listExports } from '@/lib/evidence/exports';
import { formatDateTime, formatNumber } from '@/lib/i18n/dates';
import type { Locale } from '@/lib/i18n/routing';
import { readSetting } from '@/lib/settings';
import { approveExportAction, declineExportAction, requestExportAction } from './actions';
import { FormMessages } from '@/components/forms/form-messages';

type Props = { params: Promise<{ locale: Locale }> };

const statuses = ['submitted', 'in_review', 'awaiting_approval', 'published', 'unpublished', 'rejected', 'changes_requested'] as const;

export default async function ExportsPage({ params }: Props) {
  await connection();
  const { locale } = await params;
  const viewer = await requirePageAccess({ permission: 'data.export' }, { locale, path: `/${locale}/staff/exports` });
  const t = await getTranslations({ locale, namespace: 'EvidenceExport' });
  const tv = await getTranslations({ locale, namespace: 'Validation' });
  const [exports, fourEyes] = await Promise.all([withDb(listExports, viewer), withDb(readSetting, 'four_eyes')]);
  const validation = { required: tv('required'), invalid: tv('invalid'), unknown: t('unknownIds'), too_many: t('tooMany'), second_admin_required: t('ownRequest') };

  return (
    <FormMessages namespaces={[]}>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 max-w-3xl">{t('intro')}</p>
      <p className="mt-2 max-w-3xl font-semibold">{fourEyes ? t('fourEyesOn') : t('fourEyesOff')}</p>

      <section aria-labelledby="export-request-heading" className="mt-6">
        <h2 id="export-request-heading" className="text-lg font-semibold">{t('requestHeading')}</h2>
        <RequestExportForm
          action={requestExportAction}
          labels={{
            recipientName: t('recipientName'),
            recipientKey: t('recipientKey'),
            recipientKeyHint: t('recipientKeyHint'),
            testimonyIds: t('testimonyIds'),
            personIds: t('personIds'),
            idsHint: t('idsHint'),
            filterStatus: t('filterStatus'),
            filterNone: t('filterNone'),
            withPersonTestimonies: t('withPersonTestimonies'),
            includeMessages: t('includeMessages'),
            submit: t('submit'),
            requested: t('requested'),
            approvedAtOnce: t('approvedAtOnce'),
          }}
          statuses={statuses.map((s) => ({ value: s, label: t(`testimonyStatuses.${s}`) }))}
          validation={validation}
        />
      </section>

      <section aria-labelledby="export-list-heading" className="mt-8">
        <h2 id="export-list-heading" className="text-lg font-semibold">{t('listHeading')}</h2>
        {exports.length === 0 ? (
          <p className="mt-2">{t('none')}</p>
        ) : (
          <StaffTable caption={t('listCaption')} columns={[t('colRequested'), t('colRecipient'), t('colContents'), t('colAdmins'), t('colStatus'), t('colPackage')]} small>
            {exports.map((e) => (
              <tr key={e.id}>
                <th scope="row" className={`${staffCell} font-normal`}>{formatDateTime(e.createdAt, locale)}</th>
                <td className={staffCell}><bdi>{e.recipientName}</bdi></td>
                <td className={staffCell}>{t('contents', { testimonies: formatNumber(e.testimonies, locale), persons: formatNumber(e.persons, locale) })}</td>
                <td className={staffCell}>
                  <bdi>{e.requestedBy ?? '—'}</bdi>
                  {e.approvedBy ? <> / <bdi>{e.approvedBy}</bdi></> : null}
                </td>
                <td className={staffCell}>
                  {t(`statuses.${e.status as 'awaiting_approval' | 'approved' | 'done' | 'failed' | 'declined'}`)}
                  {e.status === 'awaiting_approval' && (
                    <DecideExportForm
                      approve={approveExportAction}
                      decline={declineExportAction}
                      exportId={e.id}
                      canApprove={!e.requestedByViewer}
                      labels={{ approve: t('approve'), decline: t('decline'), ownRequest: t('ownRequest') }}
                    />
                  )}
                  {e.mismatches ? <p className="font-semibold text-red-800">{t('mismatches', { count: e.mismatches })}</p> : null}
                </td>
                <td className={staffCell}>
                  {e.status === 'done' ? (
                    <>
                      <a href={`/api/evidence-exports/${e.id}`} className="underline">{t('download')}</a>
                      <span className="block font-mono text-xs" dir="ltr">{t('manifest')}: {e.manifestSha256}</span>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </StaffTable>
        )}
      </section>
    </FormMessages>
  );
}

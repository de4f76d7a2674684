import { randomBytes } from 'node:crypto';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { withDb } from '@/lib/db';
import { getViewer } from '@/lib/auth/viewer';
import { provinces } from '@/lib/geo/provinces';
import { calendarOf, formatStoredDate } from '@/lib/i18n/dates';
import { listOwnAttachments } from '@/lib/media/list';
import type { Locale } from '@/lib/i18n/routing';
import { parseDraft, publishedPersonsByIds, type DraftData } from '@/lib/testimonies';
import { resolveDate, type TypedDate } from '@/lib/validation/testimony';
import { issueChallenge } from '@/lib/abuse/challenge';
import type { FormAction } from '@/components/forms/action-state';
import { FormMessages } from '@/components/forms/form-messages';
import { SubmitForm } from './start-form';
import { nameFor } from '@/lib/testimonies/about-label';

type Props = { submitAction: FormAction<never>; locale: Locale; draft: { id: string; status: string; draft: DraftData; editable: readonly string[] } };

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="mt-3 font-medium">{label}</dt>
      <dd className="whitespace-pre-wrap">{children}</dd>
    </>
  );
}

/** Step 5: everything as it will be sent (the proposed person's facts and the files included), with a way back to each step, then one submit button. */
export async function ReviewStep({ submitAction, locale, draft }: Props) {
  const t = await getTranslations({ locale, namespace: 'Submit' });
  // As precise as it was typed: «حدود ۲۵ آبان ۱۳۹۸», «آبان ۱۳۹۸».
  const typedDate = (d: TypedDate) => {
    const text = formatStoredDate(d.iso!, d.precision, locale, calendarOf(locale));
    return d.precision === 'approximate' ? t('date.approximately', { date: text }) : text;
  };
  const parsed = parseDraft(draft.draft);
  const about = draft.draft.about ?? {};
  const account = draft.draft.account ?? {};
  const consent = parsed.consent.success ? parsed.consent.data : null;
  const chosen = await withDb(publishedPersonsByIds, [about.personId ?? []].flat());
  const proposed = (about.newNameFa || about.newNameLatin) as string | undefined;
  const aboutData = parsed.about.success ? (parsed.about.data as Record<string, unknown>) : null;
  const incident = aboutData ? (resolveDate(aboutData, 'newIncident') as TypedDate) : null;
  const province = provinces.find((p) => p.code === about.newProvince);
  const [files, tf] = await Promise.all([withDb(listOwnAttachments, await getViewer(), draft.id), getTranslations({ locale, namespace: 'ReviewFiles' })]);
  const date = parsed.account.success ? (resolveDate(parsed.account.data as Record<string, unknown>, 'event') as TypedDate) : null;
  const incomplete = parsed.incomplete.filter((s) => draft.editable.includes(s));
  const edit = (step: string) =>
    draft.editable.includes(step) && (
      <a href={`/${locale}/submit/${draft.id}/${step}`} className="text-sm">
        {t('review.edit')}
      </a>
    );
  const notGiven = t('review.notGiven');
  const rel = account.relationship as string | undefined;
  return (
    <div>
      <p className="mt-2">{t('review.intro')}</p>
      {draft.status === 'published' && <p className="mt-3 rounded border border-line bg-white p-3">{t('review.published')}</p>}
      <section aria-labelledby="review-about" className="mt-6 border-t border-line pt-4">
        <h2 id="review-about" className="text-lg font-semibold">
          {t('steps.about')} {edit('about')}
        </h2>
        <ul className="mt-2 list-disc ps-6">
          {chosen.map((p) => (
            <li key={p.id}>
              <bdi>{nameFor(p, locale)}</bdi>
            </li>
          ))}
          {proposed && (
            <li>
              <bdi>{proposed}</bdi> <span className="text-sm text-muted">({t('review.newPerson')})</span>
              <dl>
                <Row label={t('about.outcome')}>{about.newOutcome ? t(`about.outcomes.${about.newOutcome as 'killed'}`) : notGiven}</Row>
                <Row label={t('about.incidentDate')}>{incident?.iso ? typedDate(incident) : notGiven}</Row>
                {about.newFatherName ? (
                  <Row label={t('about.fatherName')}>
                    <bdi>{about.newFatherName as string}</bdi>
                  </Row>
                ) : null}
                <Row label={t('review.personPlace')}>
                  {about.newCity || province ? (
                    <>
                      {about.newCity ? <bdi>{about.newCity as string}</bdi> : null}
                      {about.newCity && province ? (locale === 'fa' ? '، ' : ', ') : null}
                      {province ? (locale === 'fa' ? province.nameFa : province.nameEn) : null}
                    </>
                  ) : (
                    notGiven
                  )}
                </Row>
                <Row label={t('about.cause')}>{about.newCause ? <bdi>{about.newCause as string}</bdi> : notGiven}</Row>
              </dl>
            </li>
          )}
        </ul>
      </section>
      <section aria-labelledby="review-files" className="mt-6 border-t border-line pt-4">
        <h2 id="review-files" className="text-lg font-semibold">
          {t('steps.files')} {edit('files')}
        </h2>
        {files.length === 0 ? (
          <p className="mt-2">{t('review.filesNone')}</p>
        ) : (
          <ul className="mt-2 list-disc ps-6">
            {files.map((f) => (
              <li key={f.id} dir="auto">
                {tf(`kind.${f.kind}`)}
                {f.caption ? <>: <bdi>{f.caption}</bdi></> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="review-account" className="mt-6 border-t border-line pt-4">
        <h2 id="review-account" className="text-lg font-semibold">
          {t('steps.account')} {edit('account')}
        </h2>
        <dl>
          <Row label={t('account.relationship')}>{rel ? t(`account.relationships.${rel as 'mother'}`) : notGiven}</Row>
          <Row label={t('account.hand')}>{account.hand ? t(`account.hands.${account.hand as 'first'}`) : notGiven}</Row>
          <Row label={t('account.narrative')}>{account.narrative ? <div dir="auto">{account.narrative as string}</div> : notGiven}</Row>
          <Row label={t('account.eventDate')}>{date?.iso ? typedDate(date) : notGiven}</Row>
          <Row label={t('account.eventPlace')}>{account.eventPlace ? <bdi>{account.eventPlace as string}</bdi> : notGiven}</Row>
        </dl>
      </section>
      {consent && (
        <section aria-labelledby="review-consent" className="mt-6 border-t border-line pt-4">
          <h2 id="review-consent" className="text-lg font-semibold">
            {t('steps.consent')} {edit('consent')}
          </h2>
          <dl>
            <Row label={t('consent.publish')}>{t(`consent.publishOptions.${consent.publish}`)}</Row>
            <Row label={t('consent.credit')}>
              {t(`consent.creditOptions.${consent.credit}`)}
              {consent.credit === 'chosen_name' && (
                <>
                  {': '}
                  <bdi>{consent.creditName}</bdi>
                </>
              )}
            </Row>
            <Row label={t('consent.portraitPublic')}>{t(`consent.${consent.portraitPublic}`)}</Row>
            <Row label={t('consent.exactPlacePublic')}>{t(`consent.${consent.exactPlacePublic}`)}</Row>
            <Row label={t('consent.mayContact')}>{t(`consent.${consent.mayContact}`)}</Row>
          </dl>
        </section>
      )}
      {incomplete.length > 0 ? (
        <div role="alert" className="mt-6 rounded border border-red-700 bg-red-50 p-3 text-red-900">
          <p>{t('review.incomplete')}</p>
          <ul className="list-disc ps-6">
            {incomplete.map((s) => (
              <li key={s}>
                <a href={`/${locale}/submit/${draft.id}/${s}`}>{t(`steps.${s}`)}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        // The proof-of-work widget's strings, for this form only (not on the other steps).
        <FormMessages namespaces={['ProofOfWork']}>
          <SubmitForm action={submitAction} locale={locale} draftId={draft.id} token={randomBytes(18).toString('base64url')} challenge={issueChallenge()} label={t('review.submit')} />
        </FormMessages>
      )}
    </div>
  );
}

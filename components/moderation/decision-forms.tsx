// The three decisions, shown only to the moderator holding the claim (or, under four-eyes, to a
// second moderator). Publishing sends the stored redacted text shown in the preview above, nothing
// else. An edit of a published testimony has no "request changes": it is approved or declined.
import { getTranslations } from 'next-intl/server';
import type { FormAction } from '@/components/forms/action-state';
import type { Locale } from '@/lib/i18n/routing';
import { rejectReasons } from '@/lib/moderation/decisions';
import { ActionForm, type FormNotices } from './action-form';

type Props = {
  locale: Locale;
  testimonyId: string;
  revisionId: string;
  redacted: string;
  /** The submitter chose documentation only: approving keeps it, publishes nothing. */
  documentationOnly: boolean;
  actions: { publish: FormAction<unknown>; reject: FormAction<unknown>; requestChanges?: FormAction<unknown> };
  notices: FormNotices;
};

const field = 'mt-1 w-full rounded border border-muted bg-white p-2';
const button = 'mt-2 rounded border border-muted px-4 py-2 hover:bg-white';

export async function DecisionForms({ locale, testimonyId, revisionId, redacted, documentationOnly, actions, notices }: Props) {
  const t = await getTranslations({ locale, namespace: 'Moderation' });
  const common = (
    <>
      <input type="hidden" name="testimonyId" value={testimonyId} />
      <input type="hidden" name="locale" value={locale} />
    </>
  );
  return (
    <section aria-labelledby="decisions" className="mt-8 space-y-6">
      <h2 id="decisions" className="text-xl font-semibold">{t('decisionsHeading')}</h2>
      <ActionForm action={actions.publish} notices={notices}>
        {common}
        <input type="hidden" name="revisionId" value={revisionId} />
        <input type="hidden" name="redactedNarrative" value={redacted} />
        <p>{t(documentationOnly ? 'approveDocumentationHint' : 'publishHint')}</p>
        <button type="submit" className={`${button} bg-green-100 font-semibold`}>{t(documentationOnly ? 'approveDocumentation' : 'approvePublish')}</button>
      </ActionForm>
      {actions.requestChanges ? (
        <ActionForm action={actions.requestChanges} notices={notices}>
          {common}
          <label htmlFor="changes-message" className="block font-medium">{t('requestChangesLabel')}</label>
          <textarea id="changes-message" name="message" rows={4} dir="auto" className={field} required />
          <button type="submit" className={button}>{t('requestChanges')}</button>
        </ActionForm>
      ) : null}
      <ActionForm action={actions.reject} notices={notices}>
        {common}
        <label htmlFor="reject-reason" className="block font-medium">{t('rejectReasonLabel')}</label>
        <select id="reject-reason" name="reason" className={field} required defaultValue="">
          <option value="" disabled>{t('chooseReason')}</option>
          {rejectReasons.map((r) => (
            <option key={r} value={r}>{t(`rejectReasons.${r}`)}</option>
          ))}
        </select>
        <label htmlFor="reject-note" className="mt-2 block font-medium">{t('rejectNoteLabel')}</label>
        <textarea id="reject-note" name="note" rows={3} dir="auto" className={field} />
        <button type="submit" className={button}>{t('reject')}</button>
      </ActionForm>
    </section>
  );
}

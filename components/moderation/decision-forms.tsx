// The decisions, shown only to the moderator holding the claim (or, under four-eyes, to a second
// moderator). "Approve and publish" publishes the saved text shown in the preview above, nothing
// else, and asks first about anything the checks still find in it (./publish-controls.tsx). An edit
// of a published testimony has no "request changes": it is approved or declined. Rejecting is
// final: a tick says the moderator means it (without JavaScript too).
import { getTranslations } from 'next-intl/server';
import { creditCheckKey, looksLikeFullName } from '@/lib/moderation/credit-check';
import type { ReactNode } from 'react';
import type { FormAction } from '@/components/forms/action-state';
import { FieldError } from '@/components/forms/field-error';
import type { Locale } from '@/lib/i18n/routing';
import { rejectReasons } from '@/lib/moderation/decisions';
import type { RedactionPreview } from '@/lib/moderation/preview';
import { suggestionKey } from '@/lib/moderation/redaction';
import { ActionForm, type FormNotices } from './action-form';
import type { PublishLabels, RemainingItem } from './publish-controls';

type Props = {
  locale: Locale;
  testimonyId: string;
  /** "Approve and publish", with what it asks first (./publish-controls.tsx). */
  publish: ReactNode;
  actions: { reject: FormAction<unknown>; requestChanges?: FormAction<unknown> };
  notices: FormNotices;
};

const field = 'mt-1 w-full rounded border border-muted bg-white p-2';
const button = 'mt-2 rounded border border-muted px-4 py-2 hover:bg-white';

/**
 * What "Approve and publish" says and asks for the text of `preview`: the items the checks still
 * find, when the text will be public (a documentation-only testimony makes nothing public).
 */
export async function publishParts(locale: Locale, preview: RedactionPreview): Promise<{ remaining: RemainingItem[]; labels: PublishLabels }> {
  const t = await getTranslations({ locale, namespace: 'Moderation' });
  const remaining = preview.visible ? preview.remaining.map((s) => ({ key: suggestionKey(s), label: t(`kinds.${s.kind}`), text: s.text })) : [];
  // The credit is public text too: a name that reads like a full name is published only on a tick.
  const credit = preview.visible ? preview.testimony.credit : null;
  if (credit?.kind === 'name' && looksLikeFullName(credit.name)) remaining.push({ key: creditCheckKey, label: t('creditItem'), text: credit.name });
  return {
    remaining,
    labels: {
      hint: t(preview.visible ? 'publishHint' : 'approveDocumentationHint'),
      button: t(preview.visible ? 'approvePublish' : 'approveDocumentation'),
      unsaved: t('unsavedBeforePublish'),
      confirmLegend: t('notIdentifyingLegend'),
    },
  };
}

export async function DecisionForms({ locale, testimonyId, publish, actions, notices }: Props) {
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
      {publish}
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
        <label className="mt-2 flex items-start gap-2">
          <input type="checkbox" name="confirm" value="yes" required className="mt-1" aria-describedby="reject-confirm-error" />
          <span>{t('rejectConfirm')}</span>
        </label>
        <FieldError name="confirm" id="reject-confirm-error" />
        <button type="submit" className={button}>{t('reject')}</button>
      </ActionForm>
    </section>
  );
}

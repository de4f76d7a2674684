// A new version sent after "changes requested" (walk finding: the box showed the submitter's raw new
// text — a name, a phone number, an address — and the moderator's earlier redaction was silently
// gone). Said plainly above the box: a new version arrived, this is what you had redacted in the one
// before, and one button saves the new text with the same redactions applied where the removed words
// still occur (lib/moderation/carry-redactions.ts), to check in the preview as any save. Without
// JavaScript too (a plain post of the redaction save, then the page as the database has it).
import { getTranslations } from 'next-intl/server';
import type { FormAction } from '@/components/forms/action-state';
import type { Locale } from '@/lib/i18n/routing';
import type { ReviewDto } from '@/lib/moderation/review';
import { ActionForm } from './action-form';

type Props = { locale: Locale; review: Pick<ReviewDto, 'id' | 'language' | 'earlierRedaction' | 'revision'>; action: FormAction<unknown> };

export async function EarlierRedaction({ locale, review, action }: Props) {
  const earlier = review.earlierRedaction;
  const revision = review.revision;
  if (!earlier || !revision) return null;
  const t = await getTranslations({ locale, namespace: 'Moderation' });
  return (
    <section aria-labelledby="earlier-redaction" className="mt-8 rounded border-2 border-amber-700 bg-amber-50 p-4">
      <h2 id="earlier-redaction" className="text-lg font-semibold">{t('newVersionHeading', { number: revision.number })}</h2>
      <p className="mt-1">{t('newVersionNotice', { earlier: earlier.number })}</p>
      <h3 className="mt-3 font-medium">{t('earlierRedactionLabel', { number: earlier.number })}</h3>
      <p lang={review.language} dir="auto" className="mt-1 whitespace-pre-wrap break-words rounded border border-muted bg-white p-2">{earlier.text}</p>
      <ActionForm action={action} className="mt-2">
        <input type="hidden" name="testimonyId" value={review.id} />
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="revisionId" value={revision.id} />
        <input type="hidden" name="version" value={revision.redactionVersion} />
        <input type="hidden" name="mode" value="edit" />
        <input type="hidden" name="redactedNarrative" value={earlier.carried} />
        <button type="submit" className="rounded border border-muted bg-white px-4 py-2 font-semibold">{t('applyEarlierRedactions')}</button>
      </ActionForm>
    </section>
  );
}

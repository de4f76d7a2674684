// Redaction without JavaScript: the suggestions as ticked checkboxes (apply them to the original
// text), the redacted text in a textarea the moderator may edit, and the preview rendered with the
// public page's own component from the stored redacted text — the very text "publish" sends.
import { getTranslations } from 'next-intl/server';
import type { saveRedactionAction } from '@/app/[locale]/(staff)/staff/testimonies/actions';
import type { Locale } from '@/lib/i18n/routing';
import type { RedactionPreview } from '@/lib/moderation/preview';
import type { Suggestion } from '@/lib/moderation/redaction';
import { ActionForm, type FormNotices } from './action-form';
import { RedactionPreviewSection } from './redaction-preview';

type Props = {
  locale: Locale;
  testimonyId: string;
  revisionId: string;
  suggestions: Suggestion[];
  redacted: string;
  preview: RedactionPreview;
  action: typeof saveRedactionAction;
  notices: FormNotices;
};

const button = 'mt-2 rounded border border-muted px-4 py-2 hover:bg-white';

export async function RedactionPanel({ locale, testimonyId, revisionId, suggestions, redacted, preview, action, notices }: Props) {
  const t = await getTranslations({ locale, namespace: 'Moderation' });
  const hidden = (
    <>
      <input type="hidden" name="testimonyId" value={testimonyId} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <input type="hidden" name="locale" value={locale} />
    </>
  );
  return (
    <section aria-labelledby="redaction" className="mt-8">
      <h2 id="redaction" className="text-xl font-semibold">{t('redactionHeading')}</h2>
      <ActionForm action={action} notices={notices} className="mt-3">
        {hidden}
        <input type="hidden" name="mode" value="apply" />
        <fieldset>
          <legend className="font-medium">{t('suggestionsLegend')}</legend>
          {suggestions.length === 0 ? (
            <p className="mt-1">{t('noSuggestions')}</p>
          ) : (
            <ul className="mt-1 space-y-1">
              {suggestions.map((s) => (
                <li key={`${s.start}:${s.end}`}>
                  <label className="flex gap-2">
                    <input type="checkbox" name="span" value={`${s.start}:${s.end}`} defaultChecked />
                    <span>
                      {t(`kinds.${s.kind}`)}: <bdi className="font-mono">{s.text}</bdi>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
        <button type="submit" className={button}>{t('applySuggestions')}</button>
      </ActionForm>
      <ActionForm action={action} notices={notices} className="mt-4">
        {hidden}
        <input type="hidden" name="mode" value="edit" />
        <label htmlFor="redacted-text" className="block font-medium">{t('redactedTextLabel')}</label>
        <p id="redacted-text-hint" className="text-sm text-muted">{t('redactedTextHint')}</p>
        <textarea id="redacted-text" name="redactedNarrative" aria-describedby="redacted-text-hint" defaultValue={redacted} rows={10} dir="auto" className="mt-1 w-full rounded border border-muted bg-white p-2" />
        <button type="submit" className={button}>{t('saveRedaction')}</button>
      </ActionForm>
      <RedactionPreviewSection locale={locale} preview={preview} />
    </section>
  );
}

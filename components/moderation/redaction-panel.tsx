// Redaction, with and without JavaScript: the suggestions as checkboxes (pressing "Redact the
// ticked items" applies exactly the ticked ones to the original text; nothing is applied before),
// the text to publish in a box the moderator may edit, and the preview rendered with the public
// page's own component from the stored draft — the very text "publish" sends. Both forms carry the
// draft's version: a save on a text changed meanwhile is refused (lib/concurrency/version.ts).
import { getTranslations } from 'next-intl/server';
import { FormMessages } from '@/components/forms/form-messages';
import type { FormAction } from '@/components/forms/action-state';
import type { Locale } from '@/lib/i18n/routing';
import type { RedactionPreview } from '@/lib/moderation/preview';
import { isTicked, type Suggestion } from '@/lib/moderation/redaction';
import { ActionForm, type FormNotices } from './action-form';
import { RedactionPreviewSection } from './redaction-preview';
import { RedactionTextForm } from './redaction-text-form';

type Props = {
  locale: Locale;
  language: string;
  testimonyId: string;
  revisionId: string;
  suggestions: Suggestion[];
  /** The saved draft, or null while none was saved (the text is then the original). */
  draft: string | null;
  redacted: string;
  version: number;
  preview: RedactionPreview;
  action: FormAction<unknown>;
  notices: FormNotices;
};

const button = 'mt-2 rounded border border-muted px-4 py-2 hover:bg-white';

export async function RedactionPanel({ locale, language, testimonyId, revisionId, suggestions, draft, redacted, version, preview, action, notices }: Props) {
  const t = await getTranslations({ locale, namespace: 'Moderation' });
  const applyNotices = { ...notices, errors: { ...notices.errors, conflict: 'Moderation.redactionChangedSinceOpened' } };
  return (
    <section aria-labelledby="redaction" className="mt-8">
      <h2 id="redaction" className="text-xl font-semibold">{t('redactionHeading')}</h2>
      <ActionForm action={action} notices={applyNotices} className="mt-3">
        <input type="hidden" name="testimonyId" value={testimonyId} />
        <input type="hidden" name="revisionId" value={revisionId} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="mode" value="apply" />
        <fieldset>
          <legend className="font-medium">{t('suggestionsLegend')}</legend>
          {suggestions.length === 0 ? (
            <p className="mt-1">{t('noSuggestions')}</p>
          ) : (
            // Keyed by the draft's version: after a save the boxes show what that save applied.
            <ul key={version} className="mt-1 space-y-1">
              {suggestions.map((s) => (
                <li key={`${s.start}:${s.end}`}>
                  <label className="flex gap-2">
                    <input type="checkbox" name="span" value={`${s.start}:${s.end}`} defaultChecked={isTicked(s, draft)} />
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
      <FormMessages namespaces={[]}>
        <RedactionTextForm
          action={action}
          locale={locale}
          testimonyId={testimonyId}
          revisionId={revisionId}
          version={version}
          saved={redacted}
          language={language}
          labels={{
            label: t('redactedTextLabel'),
            hint: t('redactedTextHint'),
            save: t('saveRedaction'),
            savedMeanwhile: t('redactionSavedMeanwhile'),
            rebased: t('redactionRebased'),
            savedText: t('redactionSavedText'),
            restoredWords: t('redactionRestoredWords'),
            restoreConfirm: t('redactionRestoreConfirm'),
          }}
        />
      </FormMessages>
      <RedactionPreviewSection locale={locale} preview={preview} />
    </section>
  );
}

// Redaction, with and without JavaScript: the suggestions as checkboxes ("Redact the ticked items"
// applies exactly the ticked ones to the text in the box; nothing is applied before), the text to
// publish in a box the moderator may edit, and the preview rendered with the public page's own
// component from the stored draft — the only text "Approve and publish" publishes. All one form
// (./redaction-form.tsx), carrying the draft's version: a save on a text changed meanwhile is
// refused (lib/concurrency/version.ts).
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import type { RedactionPreview } from '@/lib/moderation/preview';
import { isTicked, suggestionKey, type Suggestion } from '@/lib/moderation/redaction';
import { RedactionPreviewSection } from './redaction-preview';
import { RedactionFields } from './redaction-form';

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
};

export async function RedactionPanel({ locale, language, testimonyId, revisionId, suggestions, draft, redacted, version, preview }: Props) {
  const t = await getTranslations({ locale, namespace: 'Moderation' });
  return (
    <section aria-labelledby="redaction" className="mt-8">
      <h2 id="redaction" className="text-xl font-semibold">{t('redactionHeading')}</h2>
      <RedactionFields
        locale={locale}
        testimonyId={testimonyId}
        revisionId={revisionId}
        version={version}
        saved={redacted}
        language={language}
        suggestions={suggestions.map((s) => ({ key: suggestionKey(s), label: t(`kinds.${s.kind}`), text: s.text, ticked: isTicked(s, draft) }))}
        labels={{
          legend: t('suggestionsLegend'),
          none: t('noSuggestions'),
          apply: t('applySuggestions'),
          label: t('redactedTextLabel'),
          hint: t('redactedTextHint'),
          save: t('saveRedaction'),
          unsaved: t('unsavedMarker'),
          savedMeanwhile: t('redactionSavedMeanwhile'),
          rebased: t('redactionRebased'),
          savedText: t('redactionSavedText'),
          restoredWords: t('redactionRestoredWords'),
          restoreConfirm: t('redactionRestoreConfirm'),
        }}
      />
      <RedactionPreviewSection locale={locale} preview={preview} />
    </section>
  );
}

// The preview of exactly what readers will see, rendered with the public page's own component
// from the stored redacted text: on the redaction panel, and for a second approval (four-eyes).
import { getTranslations } from 'next-intl/server';
import { TestimonyList } from '@/components/memorial/testimony-list';
import type { Locale } from '@/lib/i18n/routing';
import type { RedactionPreview } from '@/lib/moderation/preview';

export async function RedactionPreviewSection({ locale, preview }: { locale: Locale; preview: RedactionPreview }) {
  const t = await getTranslations({ locale, namespace: 'Moderation' });
  return (
    <section id="preview" aria-labelledby="preview-heading" className="mt-6 rounded border-2 border-dashed border-muted p-4">
      <h3 id="preview-heading" className="text-lg font-semibold">{t('previewHeading')}</h3>
      {preview.remaining.length > 0 ? (
        <div role="alert" className="mt-2 font-semibold text-red-800">
          {t('stillSuggested')}
          <ul className="list-disc ps-6">
            {preview.remaining.map((s, i) => (
              <li key={i}>
                {t(`kinds.${s.kind}`)}: <bdi className="font-mono">{s.text}</bdi>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {preview.visible ? (
        <TestimonyList testimonies={[preview.testimony]} locale={locale} gender="unknown" sensitive={false} />
      ) : (
        <p className="mt-2">{t('previewNotPublic')}</p>
      )}
    </section>
  );
}

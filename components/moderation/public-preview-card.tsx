// The person as readers will see them once the testimony is published (issue 15): the public person
// page's own header and facts, rendered from the public projection (lib/moderation/publication-preview.ts),
// and the files that will become public with the testimony.
import { getTranslations } from 'next-intl/server';
import { PersonFacts } from '@/components/memorial/person-facts';
import { PersonHeader } from '@/components/memorial/person-header';
import type { Locale } from '@/lib/i18n/routing';
import type { PublicAttachment, PublicPerson } from '@/lib/memorial/dto';

export async function PublicPreviewCard({ locale, person, files }: { locale: Locale; person: PublicPerson; files: PublicAttachment[] }) {
  const t = await getTranslations({ locale, namespace: 'Publication' });
  const tk = await getTranslations({ locale, namespace: 'ReviewFiles' });
  const id = `preview-${person.id.slice(0, 8)}`;
  return (
    <section aria-labelledby={`${id}-heading`} className="mt-4 rounded border-2 border-dashed border-muted p-4" data-testid="public-preview-card">
      <h4 id={`${id}-heading`} className="text-lg font-semibold">{t('cardHeading')}</h4>
      <div className="mt-3">
        <PersonHeader person={person} locale={locale} t={await getTranslations({ locale, namespace: 'Person' })} headingId={`${id}-name`} level="h3" />
        <PersonFacts person={person} locale={locale} headingId={`${id}-facts`} />
      </div>
      <h5 className="mt-4 font-semibold">{t('filesHeading')}</h5>
      {files.length === 0 ? (
        <p className="mt-1">{t('noFiles')}</p>
      ) : (
        <ul className="mt-1 list-disc ps-6">
          {files.map((f) => (
            <li key={f.id}>
              <a href={f.src}>{tk(`kind.${f.kind}`)}</a>
              {f.caption ? <> — <bdi>{f.caption}</bdi></> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

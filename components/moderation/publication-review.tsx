// "What publishing will make public" on the review page (issue 15): for each person the testimony
// is about, every public field as readers will get it, the one person editor to correct it before
// publishing, and the person card as readers will see it; then every public field of the testimony
// itself (credit, place, date, files). All from the public projection, never from the raw rows.
import { getTranslations } from 'next-intl/server';
import { FormMessages } from '@/components/forms/form-messages';
import { displayName } from '@/components/memorial/person-header';
import type { Locale } from '@/lib/i18n/routing';
import type { PublicationPreview } from '@/lib/moderation/publication-preview';
import { personFieldRows, testimonyFieldRows } from '@/lib/moderation/public-fields';
import type { RedactionPreview } from '@/lib/moderation/preview';
import type { PersonEditorRecord } from '@/lib/persons/read';
import { personFormValues } from '@/lib/validation/person';
import { fieldFormat, PublicFieldTable } from './public-field-table';
import { PublicPreviewCard } from './public-preview-card';
import type { FormAction } from '@/components/forms/action-state';
import { PersonForm } from './person-form';
import { personFormMessages } from '@/components/moderation/person-form-messages';
import { PublicationNotices } from './publication-notices';
import { isolate } from '@/components/layout/isolate';

type Props = {
  /** The staff person page's save action, for each person's editor. */
  personAction: FormAction;
  locale: Locale;
  testimonyId: string;
  preview: PublicationPreview;
  /** The records behind the preview, for the editor, by id. */
  records: Map<string, PersonEditorRecord>;
  testimony: RedactionPreview;
  outcome?: string;
};

export async function PublicationReview({ personAction, locale, testimonyId, preview, records, testimony, outcome }: Props) {
  const t = await getTranslations({ locale, namespace: 'Publication' });
  const format = await fieldFormat(locale);
  return (
    <section id="publication" aria-labelledby="publication-heading" className="mt-8">
      <h2 id="publication-heading" className="text-xl font-semibold">{t('heading')}</h2>
      <p className="mt-1">{t('intro')}</p>
      <PublicationNotices locale={locale} pending={[]} outcome={outcome} />
      {preview.persons.map(({ person, status }) => {
        const record = records.get(person.id);
        return (
          <article key={person.id} id={`person-${person.id}`} aria-labelledby={`person-${person.id}-heading`} className="mt-6 rounded border border-line bg-white p-4">
            <h3 id={`person-${person.id}-heading`} className="text-lg font-semibold">
              {t.rich('personHeading', { name: displayName(person, locale), isolate })}
            </h3>
            <p className="mt-1 text-sm">{t(status === 'draft' ? 'publishedWith' : 'notPublishedWith')}</p>
            <PublicFieldTable locale={locale} caption={t('fieldsCaption')} rows={personFieldRows(person, format)} testId="public-person-fields" />
            {record ? (
              <>
                <PublicationNotices locale={locale} pending={record.pendingPublication} />
                <FormMessages namespaces={personFormMessages}>
                  <PersonForm action={personAction} locale={locale} personId={record.id} values={personFormValues(record)} aftermath={record.aftermath} sensitiveContent={record.sensitiveContent} returnTo={testimonyId} label={t.markup('personHeading', { name: displayName(person, locale), isolate: (chunks) => chunks })} />
                </FormMessages>
                <p className="mt-2 text-sm">
                  {t('otherNamesHint')} <a href={`/${locale}/staff/persons/${record.id}`}>{t('openPersonPage')}</a>
                </p>
              </>
            ) : null}
            <PublicPreviewCard locale={locale} person={person} files={preview.files} />
          </article>
        );
      })}
      {testimony.visible ? (
        <PublicFieldTable locale={locale} caption={t('testimonyCaption')} rows={testimonyFieldRows(testimony.testimony, format)} testId="public-testimony-fields" />
      ) : (
        <p className="mt-4">{t('notPublic')}</p>
      )}
    </section>
  );
}

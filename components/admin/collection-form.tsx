'use client';
// Creates or edits one collection. Without JavaScript the form posts to the action and comes back
// with what was typed and the field errors; with it, the same zod schema checks while typing.
import { useTranslations } from 'next-intl';
import { Field } from '@/components/forms/field';
import { FormAlert, submitButton } from '@/components/forms/form-alert';
import type { FormAction } from '@/components/forms/action-state';
import { useCheckedForm } from '@/components/forms/use-checked-form';

export type CollectionDefaults = {
  id: string;
  slug: string;
  nameFa: string;
  nameEn: string;
  descriptionFa: string;
  descriptionEn: string;
  startsOn: string;
  endsOn: string;
  open: boolean;
};

export function CollectionForm({ action, locale, collection, label }: { action: FormAction; locale: string; collection?: CollectionDefaults; label: string }) {
  const t = useTranslations('Collections');
  const tv = useTranslations('Validation');
  const prefix = collection ? `c-${collection.id.slice(0, 8)}` : 'new';
  const defaults: Record<string, string> = collection
    ? { slug: collection.slug, nameFa: collection.nameFa, nameEn: collection.nameEn, descriptionFa: collection.descriptionFa, descriptionEn: collection.descriptionEn, startsOn: collection.startsOn, endsOn: collection.endsOn }
    : {};
  const { state, formAction, pending, field, form, formRef, onSubmit, errorOf, values } = useCheckedForm(action, { schema: () => import('@/lib/validation/collection').then((m) => m.collectionFormSchema), defaults });
  // After an error the box shows what was posted; otherwise the stored value (new: open).
  const open = state.status === 'error' ? values.openForSubmissions === 'on' : (collection?.open ?? true);
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate aria-label={label} className="max-w-xl">
      <FormAlert state={state} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="collectionId" value={collection?.id ?? ''} />
      <Field id={`${prefix}-slug`} label={t('slug')} hint={t('slugHint')} error={errorOf('slug')} registration={field('slug')} dir="ltr" spellCheck={false} />
      <Field id={`${prefix}-name-fa`} label={t('nameFa')} error={errorOf('nameFa')} registration={field('nameFa')} dir="rtl" />
      <Field id={`${prefix}-name-en`} label={t('nameEn')} error={errorOf('nameEn')} registration={field('nameEn')} dir="ltr" />
      {(['descriptionFa', 'descriptionEn'] as const).map((name) => (
        <div key={name} className="mt-4">
          <label htmlFor={`${prefix}-${name}`} className="block font-medium">{t(name)}</label>
          <textarea id={`${prefix}-${name}`} rows={3} dir={name === 'descriptionFa' ? 'rtl' : 'ltr'} className="mt-1 w-full rounded border border-muted bg-white px-3 py-2" {...field(name)} />
          {errorOf(name) && <p className="mt-1 text-sm font-medium text-red-800">{tv(errorOf(name) as 'invalid')}</p>}
        </div>
      ))}
      <Field id={`${prefix}-starts`} type="date" label={t('startsOn')} error={errorOf('startsOn')} registration={field('startsOn')} />
      <Field id={`${prefix}-ends`} type="date" label={t('endsOn')} error={errorOf('endsOn')} registration={field('endsOn')} />
      <label className="mt-4 flex items-center gap-2">
        <input type="checkbox" {...form.register('openForSubmissions')} value="on" defaultChecked={open} />
        {t('open')}
      </label>
      <button type="submit" className={submitButton} disabled={pending}>
        {collection ? t('save') : t('create')}
      </button>
    </form>
  );
}

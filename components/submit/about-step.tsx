'use client';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { provinces } from '@/lib/geo/provinces';
import { aftermathOptions, genderOptions, outcomeOptions, perpetratorOptions, textMax } from '@/lib/validation/testimony-options';
import { DateFields } from './date-fields';
import { Choices, Select, TextInput } from './fields';
import { StepFrame } from './step-frame';
import { useStepForm, type SaveStepAction } from './use-step-form';

export type PersonChoice = { id: string; name: string; detail: string };
type Props = { action: SaveStepAction; draftId: string; locale: string; values: Record<string, string | string[]>; choices: PersonChoice[]; chosen: string[]; label: string; unavailable?: boolean; search?: ReactNode };

/**
 * Step 1: tick people found in the memorial, or propose one. `search` (the memorial search, its
 * button a post of this form: components/submit/person-search.tsx) comes first inside the form.
 */
export function AboutStep({ action, draftId, locale, values: saved, choices, chosen, label, unavailable, search }: Props) {
  const t = useTranslations('Submit.about');
  const f = useStepForm(() => import('@/lib/validation/testimony').then((m) => m.aboutSchema), action);
  const values = f.shown(saved);
  const v = (name: string) => (values[name] as string | undefined) ?? '';
  const list = (name: string) => [values[name] ?? []].flat();
  const options = <T extends string>(keys: readonly T[], group: 'genders' | 'outcomes' | 'perpetrators' | 'aftermathTags') =>
    keys.map((k) => ({ value: k, label: t(`${group}.${k}` as 'genders.female') }));
  return (
    <StepFrame {...f} draftId={draftId} locale={locale} step="about" label={label} unavailable={unavailable}>
      {search}
      {choices.length > 0 && (
        <Choices
          id="personId"
          label={t('matchesHeading')}
          type="checkbox"
          values={chosen}
          registration={f.register('personId')}
          options={choices.map((c) => ({ value: c.id, label: <span><span dir="auto" className="font-semibold">{c.name}</span> <span className="text-sm text-muted">{c.detail}</span></span> }))}
        />
      )}
      <fieldset className="mt-8 rounded border border-line p-4">
        <legend className="px-1 text-lg font-semibold">{t('proposeHeading')}</legend>
        <p className="text-sm text-muted">{t('proposeIntro')}</p>
        <TextInput id="newNameFa" label={t('nameFa')} max={textMax.name} value={v('newNameFa')} error={f.errorOf('newNameFa')} registration={f.register('newNameFa')} />
        <TextInput id="newNameLatin" label={t('nameLatin')} max={textMax.name} value={v('newNameLatin')} error={f.errorOf('newNameLatin')} registration={f.register('newNameLatin')} />
        <TextInput id="newFatherName" label={t('fatherName')} max={textMax.fatherName} value={v('newFatherName')} error={f.errorOf('newFatherName')} registration={f.register('newFatherName')} />
        <Select id="newOutcome" label={t('outcome')} value={v('newOutcome')} error={f.errorOf('newOutcome')} registration={f.register('newOutcome')} options={[{ value: '', label: t('outcomeNone') }, ...options(outcomeOptions, 'outcomes')]} />
        <Select id="newGender" label={t('gender')} value={v('newGender') || 'unknown'} registration={f.register('newGender')} options={options(genderOptions, 'genders')} />
        <div className="grid grid-cols-2 gap-3">
          <TextInput id="newAge" label={t('age')} inputMode="numeric" value={v('newAge')} error={f.errorOf('newAge')} registration={f.register('newAge')} />
          <TextInput id="newBirthYear" label={t('birthYear')} inputMode="numeric" value={v('newBirthYear')} error={f.errorOf('newBirthYear')} registration={f.register('newBirthYear')} />
        </div>
        <DateFields f={f} prefix="newIncident" label={t('incidentDate')} values={values} locale={locale} />
        <Select id="newProvince" label={t('province')} value={v('newProvince')} registration={f.register('newProvince')} options={[{ value: '', label: t('provinceNone') }, ...provinces.map((p) => ({ value: p.code, label: locale === 'fa' ? p.nameFa : p.nameEn }))]} />
        <TextInput id="newCity" label={t('city')} max={textMax.city} value={v('newCity')} error={f.errorOf('newCity')} registration={f.register('newCity')} />
        <TextInput id="newCause" label={t('cause')} max={textMax.cause} value={v('newCause')} error={f.errorOf('newCause')} registration={f.register('newCause')} />
        <Select id="newPerpetrator" label={t('perpetrator')} value={v('newPerpetrator') || 'unknown'} registration={f.register('newPerpetrator')} options={options(perpetratorOptions, 'perpetrators')} />
        <Choices id="newAftermath" label={t('aftermath')} type="checkbox" values={list('newAftermath')} registration={f.register('newAftermath')} options={options(aftermathOptions, 'aftermathTags')} />
      </fieldset>
    </StepFrame>
  );
}

'use client';
import { useTranslations } from 'next-intl';
import { textMax } from '@/lib/validation/testimony-options';
import { Choices, TextInput } from './fields';
import { StepFrame } from './step-frame';
import { useStepForm, type SaveStepAction } from './use-step-form';

type Props = { action: SaveStepAction; draftId: string; locale: string; values: Record<string, string | string[]>; label: string; unavailable?: boolean };

/** Step 4: consent field by field. Unanswered means the most protective choice. */
export function ConsentStep({ action, draftId, locale, values: saved, label, unavailable }: Props) {
  const t = useTranslations('Submit.consent');
  const f = useStepForm(() => import('@/lib/validation/testimony').then((m) => m.consentSchema), action);
  const values = f.shown(saved);
  const v = (name: string, fallback: string) => (values[name] as string | undefined) || fallback;
  const yesNo = (name: 'portraitPublic' | 'exactPlacePublic' | 'mayContact') => (
    <Choices id={name} label={t(name)} type="radio" values={[v(name, 'no')]} registration={f.register(name)} options={[{ value: 'no', label: t('no') }, { value: 'yes', label: t('yes') }]} />
  );
  return (
    <StepFrame {...f} draftId={draftId} locale={locale} step="consent" label={label} unavailable={unavailable}>
      <Choices id="publish" label={t('publish')} type="radio" values={[v('publish', 'documentation_only')]} registration={f.register('publish')} options={(['documentation_only', 'public'] as const).map((o) => ({ value: o, label: t(`publishOptions.${o}`) }))} />
      <Choices id="credit" label={t('credit')} type="radio" values={[v('credit', 'anonymous')]} registration={f.register('credit')} options={(['anonymous', 'relationship', 'chosen_name'] as const).map((o) => ({ value: o, label: t(`creditOptions.${o}`) }))} />
      <TextInput id="creditName" label={t('creditName')} max={textMax.creditName} hint={t('creditNameHint')} value={v('creditName', '')} error={f.errorOf('creditName')} registration={f.register('creditName')} />
      {yesNo('portraitPublic')}
      {yesNo('exactPlacePublic')}
      {yesNo('mayContact')}
    </StepFrame>
  );
}

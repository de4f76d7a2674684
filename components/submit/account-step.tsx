'use client';
import { useTranslations } from 'next-intl';
import { narrativeMaxLength, relationshipOptions, textMax } from '@/lib/validation/testimony-options';
import { DateFields } from './date-fields';
import { Choices, Select, TextArea, TextInput } from './fields';
import { StepFrame } from './step-frame';
import { useStepForm, type SaveStepAction } from './use-step-form';

type Props = { action: SaveStepAction; draftId: string; locale: string; values: Record<string, string | string[]>; label: string; unavailable?: boolean };

/** Step 2: relationship, first- or second-hand, the narrative (these three required), when and where. */
export function AccountStep({ action, draftId, locale, values: saved, label, unavailable }: Props) {
  const t = useTranslations('Submit.account');
  const f = useStepForm(() => import('@/lib/validation/testimony').then((m) => m.accountSchema), action);
  const values = f.shown(saved);
  const v = (name: string) => (values[name] as string | undefined) ?? '';
  return (
    <StepFrame {...f} draftId={draftId} locale={locale} step="account" label={label} unavailable={unavailable}>
      <Select id="relationship" required label={t('relationship')} value={v('relationship')} error={f.errorOf('relationship')} registration={f.register('relationship')} options={[{ value: '', label: t('relationshipNone') }, ...relationshipOptions.map((r) => ({ value: r, label: t(`relationships.${r}`) }))]} />
      <Choices id="hand" required label={t('hand')} type="radio" values={[v('hand')]} error={f.errorOf('hand')} registration={f.register('hand')} options={(['first', 'second'] as const).map((h) => ({ value: h, label: t(`hands.${h}`) }))} />
      <TextArea id="narrative" required label={t('narrative')} max={narrativeMaxLength} hint={t('narrativeHint')} value={v('narrative')} error={f.errorOf('narrative')} registration={f.register('narrative')} />
      <DateFields f={f} prefix="event" label={t('eventDate')} values={values} locale={locale} />
      <TextInput id="eventPlace" label={t('eventPlace')} max={textMax.eventPlace} hint={t('eventPlaceHint')} value={v('eventPlace')} error={f.errorOf('eventPlace')} registration={f.register('eventPlace')} />
    </StepFrame>
  );
}

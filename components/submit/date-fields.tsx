'use client';
// A date as a person remembers it: how precise, which calendar, year / month / day. Persian users
// get Solar Hijri month names by default; lib/i18n/solar-hijri.ts turns it into an ISO date.
import { useTranslations } from 'next-intl';
import { useSyncExternalStore } from 'react';
import { persianDigits } from '@/lib/i18n/digits';
import { monthName } from '@/lib/i18n/solar-hijri';
import { precisionOptions } from '@/lib/validation/testimony-options';
import { Choices, Select, TextInput } from './fields';
import type { useStepForm } from './use-step-form';

type Props = { f: ReturnType<typeof useStepForm<unknown>>; prefix: string; label: string; values: Record<string, string | string[]>; locale: string };

export function DateFields({ f, prefix, label, values, locale }: Props) {
  const t = useTranslations('Submit.date');
  const v = (name: string) => (values[`${prefix}${name}`] as string | undefined) ?? '';
  // The calendar chosen now, read from the select itself: with JavaScript the month names follow it
  // at once — also when it was changed before the page's script ran (a slow phone), which a state
  // set only by its change handler missed; without JavaScript, the page comes back from the server
  // with the saved choice.
  const saved = v('Calendar') || (locale === 'fa' ? 'persian' : 'gregorian');
  const calendar = useSyncExternalStore(
    subscribeToChanges,
    () => (document.getElementById(`${prefix}Calendar`) as HTMLSelectElement | null)?.value || saved,
    () => saved,
  );
  const calendarField = f.register(`${prefix}Calendar`);
  // Month names of both calendars in one select would confuse; the chosen calendar names them, in
  // the page's language: فروردین… / Farvardin… for Solar Hijri, ژانویه… / January… for Gregorian.
  const months = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: monthName(calendar === 'persian' ? 'persian' : 'gregorian', i + 1, locale) }));
  const days = dayOptions(locale);
  return (
    <fieldset className="mt-6 rounded border border-line p-4">
      <legend className="px-1 font-semibold">{label}</legend>
      <Choices
        id={`${prefix}Precision`}
        label={t('precision')}
        type="radio"
        values={[v('Precision') || 'unknown']}
        registration={f.register(`${prefix}Precision`)}
        options={precisionOptions.map((p) => ({ value: p, label: t(`precisions.${p}`) }))}
      />
      <Select
        id={`${prefix}Calendar`}
        label={t('calendar')}
        value={calendar}
        registration={calendarField}
        options={(['persian', 'gregorian'] as const).map((c) => ({ value: c, label: t(`calendars.${c}`) }))}
      />
      <div className="grid grid-cols-3 gap-3">
        <Select id={`${prefix}Day`} label={t('day')} value={v('Day')} registration={f.register(`${prefix}Day`)} options={[{ value: '', label: t('none') }, ...days]} />
        <Select id={`${prefix}Month`} label={t('month')} value={v('Month')} registration={f.register(`${prefix}Month`)} options={[{ value: '', label: t('none') }, ...months]} />
        <TextInput id={`${prefix}Year`} label={t('year')} inputMode="numeric" value={v('Year')} error={f.errorOf(`${prefix}Year`)} registration={f.register(`${prefix}Year`)} />
      </div>
    </fieldset>
  );
}

/** Any change in the document may be the calendar select's (a select fires `change` when chosen). */
function subscribeToChanges(onChange: () => void) {
  document.addEventListener('change', onChange);
  return () => document.removeEventListener('change', onChange);
}

/** Days 1–31 in the page's digits (۱…۳۱ / 1…31), made once per language rather than on every render. */
const dayLists = new Map<string, Array<{ value: string; label: string }>>();
function dayOptions(locale: string) {
  let days = dayLists.get(locale);
  if (!days) {
    days = Array.from({ length: 31 }, (_, i) => ({ value: String(i + 1), label: locale === 'fa' ? persianDigits(String(i + 1)) : String(i + 1) }));
    dayLists.set(locale, days);
  }
  return days;
}

'use client';
// The one person editor (issue 15): every public field of a person, on the staff person page and,
// for each person a testimony concerns, on the review page (where the moderator sees and corrects
// what publishing will make public). Without JavaScript the form posts to the action and comes back
// with what was typed and the field errors; with it, the same zod schema checks while typing.
// A name in the wrong script (Latin in the Persian field, or the reverse) gets a warning beside it.
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { FormAlert, submitButton } from '@/components/forms/form-alert';
import type { FormAction } from '@/components/forms/action-state';
import { useCheckedForm } from '@/components/forms/use-checked-form';
import { provinces } from '@/lib/geo/provinces';
import { personDatePrecisionOptions, personStatusOptions, verificationOptions, wrongScript } from '@/lib/validation/person-options';
import { aftermathOptions, genderOptions, outcomeOptions, perpetratorOptions } from '@/lib/validation/testimony-options';

type Props = {
  action: FormAction;
  locale: 'fa' | 'en';
  personId: string;
  values: Record<string, string>;
  aftermath: readonly string[];
  sensitiveContent: boolean;
  /** Set on the review page: after saving, the moderator comes back to that testimony. */
  returnTo?: string;
  label: string;
};

const input = 'mt-1 w-full rounded border border-muted bg-white px-3 py-2 aria-invalid:border-red-700';

export function PersonForm({ action, locale, personId, values, aftermath, sensitiveContent, returnTo, label }: Props) {
  const t = useTranslations('PersonEditor');
  const tp = useTranslations('Person');
  const ts = useTranslations('Persons');
  const tv = useTranslations('Validation');
  const { state, formAction, pending, field, form, formRef, onSubmit, errorOf } = useCheckedForm(action, { schema: () => import('@/lib/validation/person').then((m) => m.personFormSchema), defaults: values });
  const kept = state.status === 'error' ? state.values : undefined;
  const id = (name: string) => `p-${personId.slice(0, 8)}-${name}`;
  const current = (name: string) => (form.watch(name) as string | undefined) ?? kept?.[name] ?? values[name] ?? '';

  // A plain function, not a component: a component made here would be new on every render (each
  // keystroke re-renders for the script warning) and remount its input, losing the focus.
  const row = (name: string, children: ReactNode, warning?: string | null) => {
    const error = errorOf(name);
    return (
      <div key={name}>
        <label htmlFor={id(name)} className="block font-medium">{t(`fields.${name}` as 'fields.nameFa')}</label>
        {children}
        {warning ? <p id={`${id(name)}-warning`} className="mt-1 text-sm font-medium text-amber-900">{warning}</p> : null}
        {error ? <p id={`${id(name)}-error`} className="mt-1 text-sm font-medium text-red-800">{tv(error as 'invalid')}</p> : null}
      </div>
    );
  };
  const described = (name: string, warning?: boolean) => [warning && `${id(name)}-warning`, errorOf(name) && `${id(name)}-error`].filter(Boolean).join(' ') || undefined;
  const text = (name: string, dir: 'rtl' | 'ltr' | 'auto' = 'auto', inputMode?: 'numeric') => {
    const scriptField = name === 'nameFa' || name === 'nameLatin' || name === 'fatherNameFa' || name === 'fatherNameLatin';
    const warn = scriptField && wrongScript(name, current(name));
    return (
      <div key={name} className="contents">
        {row(name, <input id={id(name)} dir={dir} inputMode={inputMode} aria-invalid={errorOf(name) ? true : undefined} aria-describedby={described(name, warn)} className={input} {...field(name)} />, warn ? t(name.endsWith('Fa') ? 'latinInPersian' : 'persianInLatin') : null)}
      </div>
    );
  };
  const select = (name: string, options: readonly { value: string; label: string }[]) =>
    row(
      name,
      <select id={id(name)} aria-invalid={errorOf(name) ? true : undefined} aria-describedby={described(name)} className={input} {...field(name)}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>,
    );
  // Boxes are plain inputs, not registered with react-hook-form: registered without a default in
  // its (string) values it ticked every tag of the group. The resolver reads the form's own data.
  // Kept values are strings: one ticked tag comes back as itself; several are not kept, so the stored ones show.
  const ticked = kept?.aftermath ? [kept.aftermath].flat() : aftermath;

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate aria-label={label} className="mt-4 grid gap-3 md:grid-cols-2">
      <div className="md:col-span-2"><FormAlert state={state} /></div>
      <input type="hidden" name="personId" value={personId} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="returnTo" value={returnTo ?? ''} />
      {/* The record's version when the page was opened: a save over someone else's is refused. */}
      <input type="hidden" name="version" value={values.version ?? ''} />
      {text('nameFa', 'rtl')}
      {text('nameLatin', 'ltr')}
      {text('fatherNameFa', 'rtl')}
      {text('fatherNameLatin', 'ltr')}
      {select('gender', genderOptions.map((g) => ({ value: g, label: tp(`gender.${g}`) })))}
      {text('age', 'ltr', 'numeric')}
      {text('birthYear', 'ltr', 'numeric')}
      {text('occupation')}
      {row('incidentDate', <input id={id('incidentDate')} type="date" dir="ltr" aria-invalid={errorOf('incidentDate') ? true : undefined} aria-describedby={described('incidentDate')} className={input} {...field('incidentDate')} />)}
      {select('incidentDatePrecision', personDatePrecisionOptions.map((p) => ({ value: p, label: t(`precision.${p}`) })))}
      {select('province', [{ value: '', label: t('none') }, ...provinces.map((p) => ({ value: p.code, label: locale === 'fa' ? p.nameFa : p.nameEn }))])}
      {text('city')}
      {text('place')}
      {select('outcome', outcomeOptions.map((o) => ({ value: o, label: tp(`outcome.${o}`) })))}
      {text('cause')}
      {select('perpetrator', perpetratorOptions.map((o) => ({ value: o, label: tp(`perpetrator.${o}`) })))}
      <fieldset className="md:col-span-2">
        <legend className="font-medium">{t('fields.aftermath')}</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {aftermathOptions.map((a) => (
            <label key={a} className="inline-flex items-center gap-1">
              <input type="checkbox" name="aftermath" value={a} defaultChecked={ticked.includes(a)} />
              {tp(`aftermath.${a}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {select('status', personStatusOptions.map((s) => ({ value: s, label: ts(`status.${s}`) })))}
      {select('verification', verificationOptions.map((v) => ({ value: v, label: ts(`verification.${v}`) })))}
      <div className="md:col-span-2">
        <label htmlFor={id('verificationNote')} className="block font-medium">{ts('verificationNote')}</label>
        <textarea id={id('verificationNote')} rows={2} dir="auto" className={input} {...field('verificationNote')} />
      </div>
      <label className="flex items-center gap-2 md:col-span-2">
        <input type="checkbox" name="sensitiveContent" value="on" defaultChecked={kept ? kept.sensitiveContent === 'on' : sensitiveContent} />
        {ts('sensitiveContent')}
      </label>
      <div className="md:col-span-2">
        <button type="submit" className={submitButton} disabled={pending}>{t('save')}</button>
      </div>
    </form>
  );
}

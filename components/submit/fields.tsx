'use client';
// Labelled controls of the submission steps. Values are HTML defaults (the page re-renders from the
// server's draft without JavaScript); errors sit beside the field and are announced with it.
import { useLocale, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

type Common = {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  registration: UseFormRegisterReturn;
  max?: number;
  /** Continuing needs it: marked after the label, and `aria-required` for screen readers. */
  required?: boolean;
};
const input = 'mt-1 w-full rounded border border-muted bg-white px-3 py-2 aria-invalid:border-red-700';

function describedBy(id: string, hint?: string, error?: string) {
  return [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
}

/**
 * The field's hint and, when refused, why: translated, next to the field, tied to it by
 * aria-describedby and announced when it appears (role="alert"); a refusal for length names the limit.
 */
function Help({ id, hint, error, max }: { id: string; hint?: string; error?: string; max?: number }) {
  const t = useTranslations('Submit.validation');
  const locale = useLocale();
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="mt-1 text-sm font-medium text-red-800">
          {t(error as 'tooLong', { max: (max ?? 0).toLocaleString(locale === 'fa' ? 'fa-IR' : 'en') })}
        </p>
      )}
    </>
  );
}

/**
 * The visible mark of a required field, after its label. Hidden from screen readers, which hear
 * the control's own `aria-required` instead (not "required" twice).
 */
function RequiredMark({ required }: { required?: boolean }) {
  const t = useTranslations('Submit');
  return required ? <span aria-hidden="true" className="font-normal text-muted"> {t('requiredMark')}</span> : null;
}

export function TextInput({ id, label, hint, error, registration, value, inputMode, max, required }: Common & { value?: string; inputMode?: 'numeric' }) {
  return (
    <div className="mt-4">
      <label htmlFor={id} className="block font-medium">
        {label}
        <RequiredMark required={required} />
      </label>
      <input id={id} type="text" dir="auto" inputMode={inputMode} defaultValue={value ?? ''} aria-required={required || undefined} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} className={input} {...registration} />
      <Help id={id} hint={hint} error={error} max={max} />
    </div>
  );
}

export function TextArea({ id, label, hint, error, registration, value, max, required }: Common & { value?: string }) {
  return (
    <div className="mt-4">
      <label htmlFor={id} className="block font-medium">
        {label}
        <RequiredMark required={required} />
      </label>
      <Help id={id} hint={hint} />
      <textarea id={id} dir="auto" rows={14} defaultValue={value ?? ''} aria-required={required || undefined} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} className={input} {...registration} />
      <Help id={id} error={error} max={max} />
    </div>
  );
}

export function Select({ id, label, hint, error, registration, value, options, className, required }: Common & { value?: string; options: Array<{ value: string; label: string }>; className?: string }) {
  return (
    <div className={className ?? 'mt-4'}>
      <label htmlFor={id} className="block font-medium">
        {label}
        <RequiredMark required={required} />
      </label>
      <select id={id} defaultValue={value ?? ''} aria-required={required || undefined} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} className={input} {...registration}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Help id={id} hint={hint} error={error} />
    </div>
  );
}

/**
 * Radios or checkboxes in a fieldset; the legend labels the group. A required choice of radios is a
 * radio group, the role that carries `aria-required` (a plain group cannot).
 */
export function Choices({ id, label, hint, error, registration, type, values, options, required }: Common & { type: 'radio' | 'checkbox'; values: string[]; options: Array<{ value: string; label: ReactNode }> }) {
  if (required && type !== 'radio') throw new Error('Choices: only a choice of radios is marked required');
  return (
    <fieldset className="mt-5" role={required ? 'radiogroup' : undefined} aria-labelledby={required ? `${id}-legend` : undefined} aria-required={required || undefined} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined}>
      <legend id={`${id}-legend`} className="font-medium">
        {label}
        <RequiredMark required={required} />
      </legend>
      <Help id={id} hint={hint} />
      {options.map((o) => (
        <label key={o.value} className="mt-2 flex items-start gap-2">
          <input type={type} value={o.value} defaultChecked={values.includes(o.value)} className="mt-1.5 size-4" {...registration} />
          <span>{o.label}</span>
        </label>
      ))}
      <Help id={id} error={error} />
    </fieldset>
  );
}

'use client';
// Labelled controls of the submission steps. Values are HTML defaults (the page re-renders from the
// server's draft without JavaScript); errors sit beside the field and are announced with it.
import { useLocale, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

type Common = { id: string; label: string; hint?: string; error?: string; registration: UseFormRegisterReturn; max?: number };
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

export function TextInput({ id, label, hint, error, registration, value, inputMode, max }: Common & { value?: string; inputMode?: 'numeric' }) {
  return (
    <div className="mt-4">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <input id={id} type="text" dir="auto" inputMode={inputMode} defaultValue={value ?? ''} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} className={input} {...registration} />
      <Help id={id} hint={hint} error={error} max={max} />
    </div>
  );
}

export function TextArea({ id, label, hint, error, registration, value, max }: Common & { value?: string }) {
  return (
    <div className="mt-4">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <Help id={id} hint={hint} />
      <textarea id={id} dir="auto" rows={14} defaultValue={value ?? ''} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} className={input} {...registration} />
      <Help id={id} error={error} max={max} />
    </div>
  );
}

export function Select({ id, label, hint, error, registration, value, options, className }: Common & { value?: string; options: Array<{ value: string; label: string }>; className?: string }) {
  return (
    <div className={className ?? 'mt-4'}>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <select id={id} defaultValue={value ?? ''} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} className={input} {...registration}>
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

/** Radios or checkboxes in a fieldset; the legend labels the group. */
export function Choices({ id, label, hint, error, registration, type, values, options }: Common & { type: 'radio' | 'checkbox'; values: string[]; options: Array<{ value: string; label: ReactNode }> }) {
  return (
    <fieldset className="mt-5" aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined}>
      <legend className="font-medium">{label}</legend>
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

'use client';
import { useTranslations } from 'next-intl';
import type { InputHTMLAttributes } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

type Props = {
  id: string;
  label: string;
  hint?: string;
  /** Catalogue key under `Validation`. */
  error?: string;
  registration: UseFormRegisterReturn & { defaultValue?: string };
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name'>;

/** A labelled input whose hint and error are announced with it (aria-describedby). */
export function Field({ id, label, hint, error, registration, type = 'text', ...rest }: Props) {
  const t = useTranslations('Validation');
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="mt-4">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      )}
      <input
        id={id}
        type={type}
        dir="auto"
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        className="mt-1 w-full rounded border border-muted bg-white px-3 py-2 aria-invalid:border-red-700"
        {...rest}
        {...registration}
      />
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
          {t(error as 'required')}
        </p>
      )}
    </div>
  );
}

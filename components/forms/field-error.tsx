'use client';
// The server's message for one field, next to it, in a form whose fields are rendered apart from
// the form's own component (./form-state-context.tsx).
import { useTranslations } from 'next-intl';
import { useFieldError } from './form-state-context';

export function FieldError({ name, id }: { name: string; id: string }) {
  const tv = useTranslations('Validation');
  const error = useFieldError(name);
  return error ? <p id={id} role="alert" className="mt-1 text-sm font-semibold text-red-800">{tv(error as 'required')}</p> : null;
}

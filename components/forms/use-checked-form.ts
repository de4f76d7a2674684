'use client';
// The form core (./use-action-form.ts) plus the live check, with react-hook-form there from the
// first render: for forms that read its state while rendering (`watch`, `reset`, `getValues`).
import { startTransition, type FormEvent } from 'react';
import { useForm, type FieldValues } from 'react-hook-form';
import { errorKey } from '@/lib/actions/field-errors';
import type { FormAction } from './action-state';
import { type SchemaLoader, useActionForm, useOnFirstUse, useSchemaResolver } from './use-action-form';

type CheckOptions = {
  /** The server's schema, loaded on first use; null: the form is only posted. */
  schema: SchemaLoader | null;
  /** The values first shown; what the server echoed after a refusal wins over them. */
  defaults?: Record<string, string>;
  /**
   * `touched` (default): each field is checked on leaving it. `submit`: first on sending, then as
   * the person corrects (a check on leaving a field would put a message above the next control as
   * it is clicked, and the click would land elsewhere).
   */
  check?: 'touched' | 'submit';
  /** Whether this post is checked in the browser (a "save and continue later" is not). */
  checks?: (data: FormData) => boolean;
};

/** The core plus the live check: react-hook-form on the server's zod schema. */
export function useCheckedForm<T>(action: FormAction<T>, { schema, defaults, check = 'touched', checks }: CheckOptions) {
  const core = useActionForm(action, { defaults });
  const { formRef, formAction, state, values } = core;
  const { load, resolver } = useSchemaResolver(schema, formRef);
  useOnFirstUse(formRef, schema ? () => void load() : null);
  const form = useForm<FieldValues>({
    resolver,
    ...(check === 'touched' ? { mode: 'onTouched', defaultValues: values } : { mode: 'onSubmit', reValidateMode: 'onChange' }),
  });

  /** react-hook-form's registration, without its value handling: what is shown is an HTML attribute. */
  const register = (name: string) => form.register(name);
  /** register() plus the value as an HTML attribute, so the page re-rendered without JavaScript shows it. */
  const field = (name: string) => ({ ...form.register(name), defaultValue: values[name] });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const data = new FormData(formRef.current!, submitter);
    const send = () => startTransition(() => formAction(data));
    if (!schema || (checks && !checks(data))) return send();
    // The check's script could not be loaded (offline since the page came): sent unchecked, the
    // server checks it anyway.
    form.handleSubmit(send)(event).catch(() => send());
  };

  /** A catalogue key: the live check first, else what the server said. */
  const errorOf = (name: string): string | undefined => {
    const live = form.formState.errors[name]?.message;
    if (typeof live === 'string' && live) return errorKey(live);
    return state.status === 'error' ? state.fieldErrors?.[name] : undefined;
  };

  return { ...core, form, register, field, onSubmit, errorOf };
}

'use client';
// One form, two paths (PRODUCT.md §2.8). Without JavaScript the <form action> posts to the server
// action and the page re-renders with the returned state. With JavaScript, react-hook-form checks
// the same zod schema as the server while typing, and a valid form is sent to the same action.
import { zodResolver } from '@hookform/resolvers/zod';
import { startTransition, useActionState, useRef, type FormEvent } from 'react';
import { useForm, type FieldValues, type Resolver } from 'react-hook-form';
import { formDataToObject } from '@/lib/actions/form-data';
import type { z } from 'zod';
import { idleState as idle, type ActionState } from './action-state';

type Action<T> = (previous: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;

export function useEnhancedForm<T>(schema: z.ZodType<FieldValues, FieldValues>, action: Action<T>, defaults: Record<string, string> = {}) {
  const [state, formAction, pending] = useActionState(action, idle as ActionState<T>);
  // Values the server kept (never passphrases or codes) win over the initial defaults.
  const values = state.status === 'error' ? { ...defaults, ...state.values } : defaults;
  const formRef = useRef<HTMLFormElement>(null);
  const zod = zodResolver(schema) as Resolver<FieldValues>;
  // Validate what the browser would post (FormData, strings, unchecked boxes absent), not RHF's
  // own value model: the live check then agrees exactly with the server's parse.
  const resolver: Resolver<FieldValues> = (current, context, options) =>
    zod(formRef.current ? formDataToObject(new FormData(formRef.current)) : current, context, options);
  const form = useForm<FieldValues>({ resolver, mode: 'onTouched', defaultValues: values });

  /** register() plus the value as an HTML attribute, so the page re-rendered without JavaScript shows it. */
  const field = (name: string) => ({ ...form.register(name), defaultValue: values[name] });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.handleSubmit(() => {
      const data = new FormData(formRef.current!);
      startTransition(() => formAction(data));
    })(event);
  };

  /** A catalogue key under `Validation`: the live check first, else what the server said. */
  const errorOf = (name: string): string | undefined => {
    const live = form.formState.errors[name]?.message;
    if (typeof live === 'string' && live) return /^[a-zA-Z]+$/.test(live) ? live : 'invalid';
    return state.status === 'error' ? state.fieldErrors?.[name] : undefined;
  };

  return { state, formAction, pending, form, field, formRef, onSubmit, errorOf, values };
}

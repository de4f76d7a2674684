'use client';
// The one form core (PRODUCT.md §2.8): every form of the site is a real <form action> that posts
// to its server action without JavaScript, the page re-rendering with the returned state (what was
// typed, the errors). `useActionForm` is the core; `useCheckedForm` adds the live check
// (react-hook-form on the server's zod schema, run on what the browser would post, a valid form
// sent to the same action; the schema and zod load when the form is first used, not with the page); the submission steps add saving and autosave on top
// (components/submit/use-step-form.ts). Errors are shown by FormAlert and `errorOf`. A server
// action reaches a form as a prop from its page: components never import app/ (eslint.config.mjs).
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from 'react';
import { useForm, type FieldValues, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { errorKey } from '@/lib/actions/field-errors';
import { formDataToObject } from '@/lib/actions/form-data';
import { idleState as idle, type ActionState, type FormAction } from './action-state';

/**
 * The core: the action's state, the form element, what was typed (echoed by the action after a
 * refusal, over `defaults`) and the server's field errors. Forms without a live check use it as is.
 */
export function useActionForm<T>(action: FormAction<T>, { defaults = {} }: { defaults?: Record<string, string> } = {}) {
  const [state, formAction, pending] = useActionState(action, idle as ActionState<T>);
  const formRef = useRef<HTMLFormElement>(null);
  /**
   * `base` with what the action echoed after a refusal (without JavaScript the page re-renders:
   * nothing typed is lost). Never passphrases or codes, which actions do not echo.
   */
  const echo = <V extends Record<string, string | string[]>>(base: V): V => (state.status === 'error' && state.values ? { ...base, ...state.values } : base);
  /** A catalogue key under `Validation` (or the form's own namespace): what the server said. */
  const errorOf = (name: string): string | undefined => (state.status === 'error' ? state.fieldErrors?.[name] : undefined);
  return { state, formAction, pending, formRef, echo, values: echo(defaults), errorOf };
}

/**
 * The zod schema the server parses with, as a dynamic import (`() => import('@/lib/validation/…')
 * .then((m) => m.someSchema)`): zod and the schemas are the largest script of a form page, and a
 * phone spent a quarter of a second on them before the page answered a tap (Lighthouse's blocking
 * time on sign-up). They load on the form's first focus or tap, before its first check.
 */
export type SchemaLoader = () => Promise<z.ZodType>;

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
  const loading = useRef<Promise<Resolver<FieldValues>> | null>(null);
  const load = () =>
    (loading.current ??= Promise.all([import('@hookform/resolvers/zod'), schema!()]).then(
      ([{ zodResolver }, loaded]) => zodResolver(loaded as z.ZodType<FieldValues, FieldValues>) as Resolver<FieldValues>,
    ));
  useEffect(() => {
    const el = formRef.current;
    if (!schema || !el) return;
    const start = () => void load();
    for (const type of ['focusin', 'pointerdown']) el.addEventListener(type, start, { once: true, passive: true });
    return () => {
      for (const type of ['focusin', 'pointerdown']) el.removeEventListener(type, start);
    };
  });
  // Validate what the browser would post (FormData, strings, unchecked boxes absent), not RHF's
  // own value model: the live check then agrees exactly with the server's parse.
  const resolver: Resolver<FieldValues> = async (current, context, options) =>
    schema ? (await load())(formRef.current ? formDataToObject(new FormData(formRef.current)) : current, context, options) : { values: current, errors: {} };
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
    void form.handleSubmit(send)(event);
  };

  /** A catalogue key: the live check first, else what the server said. */
  const errorOf = (name: string): string | undefined => {
    const live = form.formState.errors[name]?.message;
    if (typeof live === 'string' && live) return errorKey(live);
    return state.status === 'error' ? state.fieldErrors?.[name] : undefined;
  };

  return { ...core, form, register, field, onSubmit, errorOf };
}

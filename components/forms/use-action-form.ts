'use client';
// The one form core (PRODUCT.md §2.8): every form of the site is a real <form action> that posts
// to its server action without JavaScript, the page re-rendering with the returned state (what was
// typed, the errors). `useActionForm` is the core; the live check (react-hook-form on the server's
// zod schema, run on what the browser would post, a valid form sent to the same action) comes on
// top: `useCheckedForm` (./use-checked-form.ts), or `useLazyCheckedForm`
// (./use-lazy-checked-form.ts), which also loads react-hook-form itself on first use; the schema
// and zod always load when the form is first used, not with the page. The submission steps add
// saving and autosave on top (components/submit/use-step-form.ts). Errors are shown by FormAlert
// and `errorOf`. A server action reaches a form as a prop from its page: components never import
// app/ (eslint.config.mjs). Nothing here imports react-hook-form: a page whose forms only post
// (or check lazily) does not carry it.
import { useActionState, useEffect, useRef, type RefObject } from 'react';
import type { FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
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

/**
 * The live check's resolver: the server's schema (loaded once, by `load`) run on what the browser
 * would post (FormData: strings, unchecked boxes absent), not on react-hook-form's own value model,
 * so that it agrees exactly with the server's parse. Without a schema every value passes.
 */
export function useSchemaResolver(schema: SchemaLoader | null, formRef: RefObject<HTMLFormElement | null>) {
  const loading = useRef<Promise<Resolver<FieldValues>> | null>(null);
  const load = () =>
    (loading.current ??= Promise.all([import('@hookform/resolvers/zod'), schema!()]).then(
      ([{ zodResolver }, loaded]) => zodResolver(loaded as z.ZodType<FieldValues, FieldValues>) as Resolver<FieldValues>,
      (error: unknown) => {
        // Not loaded (offline): tried again next time rather than failing for good.
        loading.current = null;
        throw error;
      },
    ));
  const resolver: Resolver<FieldValues> = async (current, context, options) =>
    schema ? (await load())(formRef.current ? formDataToObject(new FormData(formRef.current)) : current, context, options) : { values: current, errors: {} };
  return { load, resolver };
}

/** Calls `start` on the form's first focus or tap: what a person does before anything is checked. */
export function useOnFirstUse(formRef: RefObject<HTMLFormElement | null>, start: (() => void) | null) {
  useEffect(() => {
    const el = formRef.current;
    if (!start || !el) return;
    for (const type of ['focusin', 'pointerdown']) el.addEventListener(type, start, { once: true, passive: true });
    return () => {
      for (const type of ['focusin', 'pointerdown']) el.removeEventListener(type, start);
    };
  });
}

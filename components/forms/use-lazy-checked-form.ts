'use client';
// The form core (./use-action-form.ts) plus the live check, with react-hook-form itself loaded on
// the form's first focus or tap, together with zod and the schema. For long forms that only
// register fields and show errors (the submission steps): on the first step, react-hook-form's
// script, its registration of every field and the re-render it asks for right after hydration
// were most of the page's blocking time on a phone (docs/benchmarks.md, issue 18 Lighthouse).
// Checks as `useCheckedForm` with `check: 'submit'`: first on sending, then as the person corrects.
import { startTransition, useEffect, useRef, useState, type FormEvent } from 'react';
import type { FieldErrors, FieldValues, UseFormRegisterReturn, UseFormReturn } from 'react-hook-form';
import { errorKey } from '@/lib/actions/field-errors';
import type { FormAction } from './action-state';
import { type SchemaLoader, useActionForm, useOnFirstUse, useSchemaResolver } from './use-action-form';

type Checker = Pick<UseFormReturn<FieldValues>, 'register' | 'handleSubmit' | 'subscribe'>;

/** Field name → catalogue key of its first refusal. */
const keysOf = (errors: FieldErrors): Record<string, string> =>
  Object.fromEntries(Object.entries(errors).flatMap(([name, error]) => (typeof error?.message === 'string' && error.message ? [[name, errorKey(error.message)]] : [])));

export function useLazyCheckedForm<T>(action: FormAction<T>, { schema, checks }: { schema: SchemaLoader | null; checks?: (data: FormData) => boolean }) {
  const core = useActionForm(action);
  const { formRef, formAction, state } = core;
  const { load: loadSchema, resolver } = useSchemaResolver(schema, formRef);
  const [liveErrors, setLiveErrors] = useState<Record<string, string>>({});
  /** The controls each name was given to before react-hook-form was there (a group of boxes shares one name). */
  const waiting = useRef(new Map<string, Set<HTMLElement>>());
  const registrations = useRef(new Map<string, UseFormRegisterReturn>());
  const loading = useRef<Promise<Checker> | null>(null);
  const checker = useRef<Checker | null>(null);
  const unsubscribe = useRef<(() => void) | null>(null);
  useEffect(() => () => unsubscribe.current?.(), []);

  const load = () =>
    (loading.current ??= Promise.all([import('react-hook-form'), loadSchema()]).then(([{ createFormControl }]) => {
      const made: Checker = createFormControl<FieldValues>({ mode: 'onSubmit', reValidateMode: 'onChange', resolver });
      // The controls on the page now, as react-hook-form's own registration would have given them.
      // Registering a radio writes the group's value back into the page, read from the radios
      // registered before it: when she had already chosen another radio than the page's default
      // (the tap that started this load, issue 18: "Yes, publish" on the consent step), the first
      // radio read as nothing chosen and the whole group was cleared. Registration must change
      // nothing on the page: every box is put back as she left it.
      const checkedBefore = new Map<HTMLInputElement, boolean>();
      for (const elements of waiting.current.values())
        for (const element of elements) if (element instanceof HTMLInputElement && (element.type === 'radio' || element.type === 'checkbox')) checkedBefore.set(element, element.checked);
      for (const [name, elements] of waiting.current) {
        const { ref } = made.register(name);
        for (const element of elements) if (element.isConnected) ref(element);
      }
      for (const [element, checked] of checkedBefore) element.checked = checked;
      waiting.current.clear();
      unsubscribe.current = made.subscribe({ formState: { errors: true }, callback: ({ errors }) => setLiveErrors(keysOf(errors ?? {})) });
      checker.current = made;
      return made;
    }));
  useOnFirstUse(formRef, schema ? () => void load() : null);

  /**
   * What react-hook-form's `register` gives a control, one per name and stable across renders: its
   * handlers reach react-hook-form once it is loaded (before, there is nothing to check again yet).
   */
  const register = (name: string): UseFormRegisterReturn => {
    let registration = registrations.current.get(name);
    if (!registration) {
      registration = {
        name,
        onChange: async (event) => checker.current?.register(name).onChange(event),
        onBlur: async (event) => checker.current?.register(name).onBlur(event),
        ref: (element: HTMLElement | null) => {
          if (checker.current) return checker.current.register(name).ref(element);
          if (!element) return;
          const elements = waiting.current.get(name) ?? new Set<HTMLElement>();
          waiting.current.set(name, elements.add(element));
        },
      };
      registrations.current.set(name, registration);
    }
    return registration;
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const data = new FormData(formRef.current!, submitter);
    const send = () => startTransition(() => formAction(data));
    if (!schema || (checks && !checks(data))) return send();
    // The check's script could not be loaded (offline since the page came): sent unchecked, the
    // server checks it anyway, instead of the button doing nothing.
    void load().then(
      (made) => made.handleSubmit(send)(),
      () => {
        loading.current = null;
        send();
      },
    );
  };

  /** A catalogue key: the live check first, else what the server said. */
  const errorOf = (name: string): string | undefined => liveErrors[name] ?? (state.status === 'error' ? state.fieldErrors?.[name] : undefined);

  return { ...core, register, onSubmit, errorOf };
}

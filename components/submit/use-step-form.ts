'use client';
// A submission step: one <form> that works without JavaScript (it posts to the save action and the
// page re-renders with the saved draft and the errors). With JavaScript: react-hook-form checks the
// step's zod schema as the person types (the same schema the server uses), "Save and continue
// later" skips the check (an unfinished step is still saved), and the form is sent to the server
// every 30 seconds when it changed — to the server only, nothing is kept in the browser.
import { zodResolver } from '@hookform/resolvers/zod';
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from 'react';
import { useForm, type FieldValues, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { idleState as idle, type ActionState } from '@/components/forms/action-state';
import { formDataToObject } from '@/lib/actions/form-data';

const autosaveMs = 30_000;

const serialize = (form: HTMLFormElement) => JSON.stringify([...new FormData(form).entries()].map(([k, v]) => [k, String(v)]));

export function useStepForm<T>(schema: z.ZodType | null, action: (previous: ActionState<T>, formData: FormData) => Promise<ActionState<T>>) {
  const [state, formAction, pending] = useActionState(action, idle as ActionState<T>);
  const formRef = useRef<HTMLFormElement>(null);
  const [autosave, setAutosave] = useState<{ at: Date } | 'failed' | null>(null);
  const zod = schema ? (zodResolver(schema as never) as unknown as Resolver<FieldValues>) : null;
  // Validate what the browser would post, so the live check agrees exactly with the server's parse.
  const resolver: Resolver<FieldValues> = (current, context, options) =>
    zod ? zod(formRef.current ? formDataToObject(new FormData(formRef.current)) : current, context, options) : { values: current, errors: {} };
  // Checked when the person presses "continue", then again as they correct: a check on leaving a field
  // would put a message above the next control as it is clicked (the click lands elsewhere).
  const form = useForm<FieldValues>({ resolver, mode: 'onSubmit', reValidateMode: 'onChange' });

  useEffect(() => {
    let last = formRef.current ? serialize(formRef.current) : '';
    const timer = setInterval(async () => {
      const el = formRef.current;
      if (!el || serialize(el) === last) return;
      const data = new FormData(el);
      data.set('intent', 'autosave');
      try {
        const result = await action(idle as ActionState<T>, data);
        if (result.status !== 'ok') throw new Error(result.status);
        last = serialize(el);
        setAutosave({ at: new Date() });
      } catch {
        setAutosave('failed');
      }
    }, autosaveMs);
    return () => clearInterval(timer);
  }, [action]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const data = new FormData(formRef.current!, submitter);
    const send = () => startTransition(() => formAction(data));
    if (data.get('intent') !== 'next' || !zod) return send();
    void form.handleSubmit(send)(event);
  };

  /** react-hook-form's registration, without its value handling: defaults are HTML attributes. */
  const register = (name: string) => form.register(name);

  /** A catalogue key under `Submit.validation`: the live check first, else what the server said. */
  const errorOf = (name: string): string | undefined => {
    const live = form.formState.errors[name]?.message;
    if (typeof live === 'string' && live) return /^[a-zA-Z]+$/.test(live) ? live : 'invalid';
    return state.status === 'error' ? state.fieldErrors?.[name] : undefined;
  };

  /**
   * What the fields show: the saved draft's answers, or — when the action refused and echoed what
   * was posted (without JavaScript the page re-renders; e.g. the database was down and nothing was
   * saved) — what was typed. Multi-choice fields are not echoed and keep the draft's answers.
   */
  const shown = (saved: Record<string, string | string[]>) => (state.status === 'error' && state.values ? { ...saved, ...state.values } : saved);

  return { state, pending, formAction, formRef, onSubmit, register, errorOf, autosave, shown };
}

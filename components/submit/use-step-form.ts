'use client';
// A submission step: the form core with its live check loaded on first use
// (components/forms/use-lazy-checked-form.ts) posting to the step-saving action, plus two things
// of its own. "Save and continue later" skips the browser's check (an unfinished step is still
// saved; the server saves it too, lib/actions/define-action.ts `check`), and with JavaScript the
// form is sent to the server every 30 seconds when it changed — to the server only, nothing is kept
// in the browser.
import { useEffect, useState, type RefObject } from 'react';
import { idleState as idle, type ActionState, type FormAction } from '@/components/forms/action-state';
import type { SchemaLoader } from '@/components/forms/use-action-form';
import { useLazyCheckedForm } from '@/components/forms/use-lazy-checked-form';

const autosaveMs = 30_000;

const serialize = (form: HTMLFormElement) => JSON.stringify([...new FormData(form).entries()].map(([k, v]) => [k, String(v)]));

/** The step-saving action: an autosave answers when it was saved; every other post redirects. */
export type SaveStepAction = FormAction<{ savedAt: string }>;

export function useStepForm<T>(schema: SchemaLoader | null, action: FormAction<T>) {
  const core = useLazyCheckedForm(action, { schema, checks: (data) => data.get('intent') === 'next' });
  const autosave = useAutosave(core.formRef, action);
  /**
   * What the fields show: the saved draft's answers, or — when the action refused and echoed what
   * was posted (e.g. the database was down and nothing was saved) — what was typed. Multi-choice
   * fields are not echoed and keep the draft's answers.
   */
  const shown = core.echo;
  return { ...core, autosave, shown };
}

/** Posts the form as `intent=autosave` every 30 seconds when it changed since the last save. */
function useAutosave<T>(formRef: RefObject<HTMLFormElement | null>, action: FormAction<T>) {
  const [autosave, setAutosave] = useState<{ at: Date } | 'failed' | null>(null);
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
  }, [action, formRef]);
  return autosave;
}

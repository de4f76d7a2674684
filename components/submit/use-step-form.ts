'use client';
// A submission step: the form core with its live check loaded on first use
// (components/forms/use-lazy-checked-form.ts), posting to the step-saving
// action, plus two things of its own. "Save and continue later" skips the browser's check (an
// unfinished step is still saved; the server saves it too, lib/actions/define-action.ts `check`),
// and with JavaScript what she types reaches the server — to the server only, nothing is kept in
// the browser — 3 seconds after she stops typing, every 30 seconds when it changed, and whenever
// she may be leaving the step with something unsaved: any link inside the site (the header's
// included: saved first, then opened; issue 18 lost a narrative to «آمار» in the header, a
// client-side navigation the unmount save did not survive), Back (the step unmounts), the phone
// hiding the page, or the page unloading (then the browser also asks whether to leave — and it
// asks again after a save that failed).
// "Leave quickly" empties the page before it goes: nothing is saved or asked then.
import { useEffect, useRef, useState, type RefObject } from 'react';
import { idleState as idle, type ActionState, type FormAction } from '@/components/forms/action-state';
import type { SchemaLoader } from '@/components/forms/use-action-form';
import { useLazyCheckedForm } from '@/components/forms/use-lazy-checked-form';

const autosaveMs = 30_000;
// After the last keystroke, how long before what was typed is sent.
const typingPauseMs = 3_000;
// How long a step's own way out (another step's link, the person search) waits for the save.
const saveBeforeLeavingMs = 3_000;

const serialize = (form: HTMLFormElement) => JSON.stringify([...new FormData(form).entries()].map(([k, v]) => [k, String(v)]));

/**
 * The form as the page was rendered (every field at its default): what the server has. Not the
 * fields' values when the script starts — on a slow phone she may have typed before it did.
 */
function asRendered(form: HTMLFormElement): string {
  const copy = form.cloneNode(true) as HTMLFormElement;
  copy.reset();
  return serialize(copy);
}

/** The step-saving action: an autosave answers when it was saved; every other post redirects. */
export type SaveStepAction = FormAction<{ savedAt: string }>;

export function useStepForm<T>(schema: SchemaLoader | null, action: FormAction<T>) {
  const core = useLazyCheckedForm(action, { schema, checks: (data) => data.get('intent') === 'next' });
  const autosave = useAutosave(core.formRef, action, core.pending);
  /**
   * What the fields show: the saved draft's answers, or — when the action refused and echoed what
   * was posted (e.g. the database was down and nothing was saved) — what was typed. Multi-choice
   * fields are not echoed and keep the draft's answers.
   */
  const shown = core.echo;
  return { ...core, autosave, shown };
}

/**
 * Posts the form as `intent=autosave` when it changed since the server last had it: every 30
 * seconds, and on leaving (above). While the form's own post is on its way (`pending`), that post
 * carries what was typed and nothing else is sent.
 */
function useAutosave<T>(formRef: RefObject<HTMLFormElement | null>, action: FormAction<T>, pending: boolean) {
  const [autosave, setAutosave] = useState<{ at: Date } | 'failed' | null>(null);
  // Read when saving, so the listeners below are set up once per step, not on every render.
  const current = useRef({ action, pending });
  useEffect(() => {
    current.current = { action, pending };
  });
  useEffect(() => {
    const el = formRef.current;
    if (!el) return;
    let mounted = true;
    let last = asRendered(el);
    /** Sends what changed; null when there is nothing to send. */
    const save = (): Promise<void> | null => {
      const now = serialize(el);
      if (now === last || current.current.pending) return null;
      const data = new FormData(el);
      data.set('intent', 'autosave');
      return current.current.action(idle as ActionState<T>, data).then(
        (result) => {
          if (result.status !== 'ok') throw new Error(result.status);
          last = now;
          if (mounted) setAutosave({ at: new Date() });
        },
        () => {
          if (mounted) setAutosave('failed');
        },
      );
    };
    // The page was emptied by "Leave quickly" (components/submit/leave-quickly-form.tsx).
    const leftQuickly = () => !el.isConnected;
    /** A new page the step itself leads to (another step's link, the person search): saved first, then opened. */
    const saveThenGo = (event: Event, go: () => void) => {
      const saving = event.defaultPrevented ? null : save();
      if (!saving) return;
      event.preventDefault();
      void Promise.race([saving, new Promise((resolve) => setTimeout(resolve, saveBeforeLeavingMs))]).then(go);
    };
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
      if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      if (link.target || link.hasAttribute('download') || link.origin !== location.origin || link.hash && link.pathname === location.pathname) return;
      // A whole page load once saved: if the save failed, the page unloading asks whether to leave.
      saveThenGo(event, () => location.assign(link.href));
    };
    const onSubmit = (event: SubmitEvent) => {
      const form = event.target as HTMLFormElement;
      // Posts are left alone: the step's own form posts what it holds, and "Leave quickly" must not wait.
      if (form === el || form.method !== 'get') return;
      saveThenGo(event, () => form.submit());
    };

    const timer = setInterval(() => void save(), autosaveMs);
    let pause: ReturnType<typeof setTimeout> | undefined;
    const onInput = () => {
      clearTimeout(pause);
      pause = setTimeout(() => void save(), typingPauseMs);
    };
    el.addEventListener('input', onInput);
    const onHidden = () => {
      if (document.visibilityState === 'hidden' && !leftQuickly()) void save();
    };
    // Leaving the page any other way (Back after a whole page load, reload, closing the tab): the
    // save starts, and the browser asks whether to leave, which gives it the time to arrive.
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (leftQuickly() || !save()) return;
      event.preventDefault();
      event.returnValue = '';
    };
    // Capture: before next/link's own click handler, which would navigate client-side at once
    // (and marks the click handled, so a bubbling listener saw nothing to do).
    document.addEventListener('click', onClick, true);
    document.addEventListener('submit', onSubmit);
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      clearInterval(timer);
      clearTimeout(pause);
      el.removeEventListener('input', onInput);
      document.removeEventListener('click', onClick, true);
      document.removeEventListener('submit', onSubmit);
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('beforeunload', onBeforeUnload);
      mounted = false;
      // Unmounted: she went on inside the site (Back, a link in the header). The form, out of the
      // page now, still holds what she typed.
      void save();
    };
  }, [formRef]);
  return autosave;
}

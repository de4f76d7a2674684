'use client';
// The redaction form: one <form> (one action, app/…/testimonies/actions.ts `saveRedactionAction`)
// for "Redact the ticked items", "Save and update the preview" and "Approve and publish", so that
// each button sends the text in the box as it is on screen, with JavaScript and without. The
// publish button sits further down the page, after the preview, tied to the form by its `form`
// attribute (./publish-controls.tsx); `RedactionFormScope` holds the form's state for both parts.
//
// The box shows the saved text of `version`; a save answers with the page re-rendered from the
// database, and a new version remounts the box (its key), so the box and the preview show the
// saved text at once (issue 15). A redaction is never lost without the moderator seeing it
// (lib/moderation/redaction-save.ts): a refused save or publish gives back what was typed, the
// message next to the box; a save on a stale version shows the text saved meanwhile under the box
// and keeps the typed text re-based on it; a text bringing back removed words names them, with a
// box to tick to bring them back on purpose. With JavaScript, the box is marked as changed and not
// saved as soon as it differs from the saved text, and leaving the page asks first.
import { useTranslations } from 'next-intl';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ActionState, FormAction } from '@/components/forms/action-state';
import { FormAlert } from '@/components/forms/form-alert';
import { FormStateContext } from '@/components/forms/form-state-context';
import { useActionForm } from '@/components/forms/use-action-form';
import { isRestored, isStale } from '@/lib/concurrency/version';
import { RestoredWords, restoredWords, SavedMeanwhile } from './saved-meanwhile';

type Scope = {
  state: ActionState<unknown>;
  formAction: (formData: FormData) => void;
  pending: boolean;
  formId: string;
  /** The box differs from the saved text (known only with JavaScript). */
  unsaved: boolean;
  setUnsaved: (unsaved: boolean) => void;
};

const ScopeContext = createContext<Scope | null>(null);

export function useRedactionForm(): Scope {
  const scope = useContext(ScopeContext);
  if (!scope) throw new Error('outside RedactionFormScope');
  return scope;
}

/** Which button sent the answer's form: `apply`, `edit` or `publish`. */
export const sentBy = (state: ActionState<unknown>) => (state.status === 'error' ? state.values?.mode : undefined);

/** One text, however the browser wrote its line breaks. */
export const sameText = (a: string, b: string) => a.replace(/\r\n?/g, '\n').trim() === b.replace(/\r\n?/g, '\n').trim();

export function RedactionFormScope({ action, leaveWarning, children }: { action: FormAction<unknown>; leaveWarning: string; children: ReactNode }) {
  const { state, formAction, pending } = useActionForm(action);
  const [unsaved, setUnsaved] = useState(false);
  // One redaction form per page.
  const formId = 'redaction-form';
  useLeaveWarning(unsaved && !pending, leaveWarning);
  return (
    <ScopeContext value={{ state, formAction, pending, formId, unsaved, setUnsaved }}>
      <FormStateContext value={state}>{children}</FormStateContext>
    </ScopeContext>
  );
}

/**
 * While the box holds unsaved edits: the browser asks before the page is left (reload, closing the
 * tab, a whole-page link) and a link within the site asks too (the client router does not unload
 * the page, so the browser would not ask).
 */
function useLeaveWarning(active: boolean, message: string) {
  useEffect(() => {
    if (!active) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
      if (!link || link.target || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      if (link.origin === location.origin && link.pathname === location.pathname && link.hash) return; // a place on this page
      if (!window.confirm(message)) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [active, message]);
}

export type SuggestionBox = { key: string; label: string; text: string; ticked: boolean };

type Props = {
  locale: string;
  testimonyId: string;
  revisionId: string;
  version: number;
  /** The saved text to publish (the text as sent before any save). */
  saved: string;
  language: string;
  suggestions: SuggestionBox[];
  /** Moderation labels, from the server (the client gets only the Errors and Validation catalogues). */
  labels: {
    legend: string;
    none: string;
    apply: string;
    label: string;
    hint: string;
    save: string;
    unsaved: string;
    savedMeanwhile: string;
    rebased: string;
    savedText: string;
    restoredWords: string;
    restoreConfirm: string;
  };
};

const field = 'redactedNarrative';
const button = 'mt-2 rounded border border-muted px-4 py-2 hover:bg-white disabled:opacity-60';

export function RedactionFields({ locale, testimonyId, revisionId, version, saved, language, suggestions, labels }: Props) {
  const tv = useTranslations('Validation');
  const { state, formAction, pending, formId, unsaved, setUnsaved } = useRedactionForm();
  const box = useRef<HTMLTextAreaElement>(null);
  const typed = state.status === 'error' ? state.values?.[field] : undefined;
  const stale = isStale(state, field);
  const restoring = isRestored(state, field);
  const restored = restoring && state.status === 'error' ? restoredWords(state.values?.restored) : [];
  const error = state.status === 'error' ? state.fieldErrors?.[field] : undefined;
  const check = () => setUnsaved(!!box.current && !sameText(box.current.value, saved));
  // The box remounts with the saved text or with what a refusal gave back: compare again.
  useEffect(check, [version, typed, saved]); // eslint-disable-line react-hooks/exhaustive-deps
  const described = ['redacted-text-hint', unsaved && 'redacted-text-unsaved', error && 'redacted-text-error', (stale || restoring) && 'redacted-text-current'].filter(Boolean).join(' ');
  return (
    <form id={formId} action={formAction} className="mt-3" aria-busy={pending} autoComplete="off">
      {error || sentBy(state) === 'publish' ? null : <FormAlert state={state} />}
      <input type="hidden" name="testimonyId" value={testimonyId} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="locale" value={locale} />
      <fieldset>
        <legend className="font-medium">{labels.legend}</legend>
        {suggestions.length === 0 ? (
          <p className="mt-1">{labels.none}</p>
        ) : (
          // Keyed by the draft's version: after a save the boxes show what that save applied.
          <ul key={version} className="mt-1 space-y-1">
            {suggestions.map((s) => (
              <li key={s.key}>
                <label className="flex gap-2">
                  <input type="checkbox" name="span" value={s.key} defaultChecked={s.ticked} />
                  <span>
                    {s.label}: <bdi className="font-mono">{s.text}</bdi>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <button type="submit" name="mode" value="apply" disabled={pending} className={button}>{labels.apply}</button>

      <label htmlFor="redacted-text" className="mt-4 block font-medium">{labels.label}</label>
      <p id="redacted-text-hint" className="text-sm text-muted">{labels.hint}</p>
      <textarea
        ref={box}
        key={`${version}:${typed === undefined ? 'saved' : 'typed'}`}
        id="redacted-text"
        name={field}
        aria-describedby={described}
        aria-invalid={error ? true : undefined}
        defaultValue={typed ?? saved}
        onInput={check}
        rows={10}
        dir="auto"
        data-unsaved={unsaved || undefined}
        className="mt-1 w-full rounded border border-muted bg-white p-2 aria-invalid:border-red-700 data-unsaved:border-2 data-unsaved:border-amber-700"
      />
      {unsaved ? <p id="redacted-text-unsaved" className="text-sm font-semibold text-amber-900">{labels.unsaved}</p> : null}
      {error ? (
        <div id="redacted-text-error" role="alert" className="mt-1 text-sm font-semibold text-red-800">
          <p>{tv(error as 'required')}</p>
          {stale ? <p>{labels.rebased}</p> : null}
          <RestoredWords id="redacted-text-restored-label" label={labels.restoredWords} words={restored} language={language} />
        </div>
      ) : null}
      <SavedMeanwhile id="redacted-text-current" heading={stale ? labels.savedMeanwhile : restoring ? labels.savedText : null} text={saved} language={language} restoring={restoring} restoreConfirm={labels.restoreConfirm} />
      <button type="submit" name="mode" value="edit" disabled={pending} className={button}>{labels.save}</button>
    </form>
  );
}

'use client';
// The moderator's own edit of the text to publish. The box shows the saved draft of `version`;
// the save answers with the page re-rendered from the database, and a new version remounts the box
// (its key), so the box and the preview show the saved text at once and the next edit starts from
// it (issue 15: the box used to keep its first default and a second save overwrote the first).
// A redaction is never lost without the moderator seeing it (lib/moderation/decisions.ts). A save
// on a stale version is refused: the message sits next to the box, the text saved meanwhile is
// shown under it, and the box holds what the moderator typed re-based on it (what that save removed
// removed again), to check and save. A save that brings back words the saved text removed is
// refused naming them, with a box to tick to bring them back on purpose. The same without
// JavaScript: the posted page comes back with this state.
import { useTranslations } from 'next-intl';
import type { FormAction } from '@/components/forms/action-state';
import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';
import { isRestored, isStale } from '@/lib/concurrency/version';

type Props<T> = {
  action: FormAction<T>;
  locale: string;
  testimonyId: string;
  revisionId: string;
  version: number;
  saved: string;
  language: string;
  /** Moderation labels, from the server (the client gets only the Errors and Validation catalogues). */
  labels: { label: string; hint: string; save: string; savedMeanwhile: string; rebased: string; savedText: string; restoredWords: string; restoreConfirm: string };
};

const field = 'redactedNarrative';

export function RedactionTextForm<T>({ action, locale, testimonyId, revisionId, version, saved, language, labels }: Props<T>) {
  const tv = useTranslations('Validation');
  const { state, formAction, pending } = useActionForm(action);
  const typed = state.status === 'error' ? state.values?.[field] : undefined;
  const stale = isStale(state, field);
  const restoring = isRestored(state, field);
  const restored = restoring && state.status === 'error' ? restoredWords(state.values?.restored) : [];
  const error = state.status === 'error' ? state.fieldErrors?.[field] : undefined;
  const described = ['redacted-text-hint', error && 'redacted-text-error', (stale || restoring) && 'redacted-text-current'].filter(Boolean).join(' ');
  return (
    <form action={formAction} className="mt-4" aria-busy={pending} autoComplete="off">
      {error ? null : <FormAlert state={state} />}
      <input type="hidden" name="testimonyId" value={testimonyId} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="mode" value="edit" />
      <label htmlFor="redacted-text" className="block font-medium">{labels.label}</label>
      <p id="redacted-text-hint" className="text-sm text-muted">{labels.hint}</p>
      <textarea
        key={`${version}:${typed === undefined ? 'saved' : 'typed'}`}
        id="redacted-text"
        name={field}
        aria-describedby={described}
        aria-invalid={error ? true : undefined}
        defaultValue={typed ?? saved}
        rows={10}
        dir="auto"
        className="mt-1 w-full rounded border border-muted bg-white p-2 aria-invalid:border-red-700"
      />
      {error ? (
        <div id="redacted-text-error" role="alert" className="mt-1 text-sm font-semibold text-red-800">
          <p>{tv(error as 'required')}</p>
          {stale ? <p>{labels.rebased}</p> : null}
          {restored.length > 0 ? (
            <>
              <p id="redacted-text-restored-label">{labels.restoredWords}</p>
              <ul aria-labelledby="redacted-text-restored-label" className="list-disc ps-6 font-normal">
                {restored.map((words) => (
                  <li key={words}><bdi lang={language} className="font-mono">{words}</bdi></li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      {stale || restoring ? (
        <div id="redacted-text-current" role="region" aria-labelledby="redacted-text-current-label" className="mt-2 rounded border border-red-700 p-2">
          <p id="redacted-text-current-label" className="text-sm font-medium">{stale ? labels.savedMeanwhile : labels.savedText}</p>
          <p lang={language} dir="auto" className="mt-1 whitespace-pre-wrap break-words">{saved}</p>
        </div>
      ) : null}
      {restoring ? (
        <label className="mt-2 flex items-start gap-2">
          <input type="checkbox" name="restore" value="yes" className="mt-1" />
          <span>{labels.restoreConfirm}</span>
        </label>
      ) : null}
      <button type="submit" disabled={pending} className="mt-2 rounded border border-muted px-4 py-2 hover:bg-white disabled:opacity-60">{labels.save}</button>
    </form>
  );
}

/** The words a refused save would have brought back, as the action listed them (JSON). */
function restoredWords(listed: string | undefined): string[] {
  try {
    const words: unknown = JSON.parse(listed ?? '[]');
    return Array.isArray(words) ? words.filter((w): w is string => typeof w === 'string') : [];
  } catch {
    return [];
  }
}

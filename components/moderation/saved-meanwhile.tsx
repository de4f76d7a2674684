// What a refused save of a redacted text shows under its box, the same for the review page's
// redaction form (./redaction-form.tsx) and the correction of a published one (./correction-form.tsx):
// the words the typed text would have brought back (inside the box's error), the text saved
// meanwhile (a region the box is described by), and the tick to bring the words back on purpose.
// Plain markup: it works the same without JavaScript, from the action's answer.

/** The words a refused save would have brought back, as the action listed them (JSON); [] if none or unreadable. */
export function restoredWords(listed: string | undefined): string[] {
  try {
    const words: unknown = JSON.parse(listed ?? '[]');
    return Array.isArray(words) ? words.filter((w): w is string => typeof w === 'string') : [];
  } catch {
    return [];
  }
}

/** The list of brought-back words, named by its own label; each isolated (any script, monospace). */
export function RestoredWords({ id, label, words, language }: { id: string; label: string; words: string[]; language: string }) {
  if (words.length === 0) return null;
  return (
    <>
      <p id={id}>{label}</p>
      <ul aria-labelledby={id} className="list-disc ps-6 font-normal">
        {words.map((words) => (
          <li key={words}>
            <bdi lang={language} className="font-mono">{words}</bdi>
          </li>
        ))}
      </ul>
    </>
  );
}

type Props = {
  /** The region's id (`${id}-label` names it): the box lists it in its aria-describedby. */
  id: string;
  /** The region's heading, or null when there is no text to show (the tick may still be). */
  heading: string | null;
  text: string;
  language: string;
  /** The refusal named brought-back words: the tick that sends them on purpose (`restore=yes`). */
  restoring: boolean;
  restoreConfirm: string;
};

/** The text saved meanwhile (or the saved text) under the box, and the restore tick. */
export function SavedMeanwhile({ id, heading, text, language, restoring, restoreConfirm }: Props) {
  return (
    <>
      {heading !== null ? (
        <div id={id} role="region" aria-labelledby={`${id}-label`} className="mt-2 rounded border border-red-700 p-2">
          <p id={`${id}-label`} className="text-sm font-medium">{heading}</p>
          <p lang={language} dir="auto" className="mt-1 whitespace-pre-wrap break-words">{text}</p>
        </div>
      ) : null}
      {restoring ? (
        <label className="mt-2 flex items-start gap-2">
          <input type="checkbox" name="restore" value="yes" className="mt-1" />
          <span>{restoreConfirm}</span>
        </label>
      ) : null}
    </>
  );
}

// Redactions carried from one text to another. A moderator removed or replaced words (a witness's
// name, a phone number) in the published text; the submitter's edit is written from their own,
// unredacted text, so every removed word comes back in it. The newer revision's text to publish
// starts with those words removed again, and "Approve and publish" refuses a text in which one of
// them is back (lib/moderation/decisions.ts). The same between two saves of the text to publish:
// a save made on a text saved meanwhile (another tab, another moderator) is re-based on it with
// what that save removed removed again, and a save that brings a removed run back is refused
// unless the moderator says it is on purpose. Pure.
import { redactionMark, type Suggestion } from './redaction';
import { wordDiff } from './word-diff';

export type RedactedSpan = { removed: string; replacement: string };

/** A stretch of `raw` left as is, or one change: the raw words and what replaced them in the redacted text. */
type Run = { kind: 'same'; text: string } | { kind: 'change'; raw: string; redacted: string };

/**
 * `redacted` as runs over `raw`: concatenating the same runs and the changes' `redacted` sides gives
 * `redacted` back exactly (and with the `raw` sides, `raw`). One change is a run of removed and added
 * words with only spaces between them ("Mahmoud Rostami" → "[name removed]"): the word diff matches
 * the spaces, which would split it in two.
 */
function changeRuns(raw: string, redacted: string): Run[] {
  const runs: Run[] = [];
  let before = '';
  let after = '';
  let open = false;
  const close = () => {
    if (open) runs.push({ kind: 'change', raw: before, redacted: after });
    before = after = '';
    open = false;
  };
  for (const part of wordDiff(raw, redacted)) {
    if (part.kind === 'same' && !(open && /^\s+$/.test(part.text))) {
      close();
      runs.push({ kind: 'same', text: part.text });
      continue;
    }
    open = true;
    if (part.kind !== 'added') before += part.text;
    if (part.kind !== 'removed') after += part.text;
  }
  close();
  return runs;
}

/** What the moderator took out of `raw` to publish `redacted`: each removed run and what replaced it. */
export function redactedSpans(raw: string, redacted: string): RedactedSpan[] {
  const spans: RedactedSpan[] = [];
  for (const run of changeRuns(raw, redacted)) {
    if (run.kind === 'same') continue;
    const word = run.raw.trim();
    // A word that is still in the published text was not a secret (e.g. a word moved, or one
    // occurrence of many taken out with a sentence): only what left the text entirely counts.
    if (/[\p{L}\p{N}]/u.test(word) && !redacted.includes(word)) spans.push({ removed: word, replacement: run.redacted.trim() });
  }
  // Longest first, so a name is replaced whole before any shorter part of it.
  return spans.sort((x, y) => y.removed.length - x.removed.length);
}

/** `text` with every span removed from `raw` to make `redacted` removed again (or replaced as then). */
export function carryRedactions(raw: string, redacted: string, text: string): string {
  let carried = text;
  for (const { removed, replacement } of redactedSpans(raw, redacted)) carried = carried.split(removed).join(replacement);
  return carried;
}

/** Words as runs of letters, digits and marks, a zero-width non-joiner inside a Persian word included. */
const wordsOf = (text: string): string[] => text.match(/[\p{L}\p{N}\p{M}]+(?:\u200c[\p{L}\p{N}\p{M}]+)*/gu) ?? [];

/**
 * The spans removed from the published revision that are back in `text`: whole removed runs, and
 * each word of one that is back on its own (walk finding: "I am Maryam Ahmadi-Nejad, Shahriar's
 * cousin" rewritten by hand as "I am one of Shahriar's relatives", then corrected to "I am Maryam
 * Ahmadi-Nejad": the whole run never came back, her name did). A word still in the published text
 * was not taken out, and is not counted.
 */
export function restoredSpans(raw: string, redacted: string, text: string): string[] {
  const spans = redactedSpans(raw, redacted).map((s) => s.removed);
  const back = spans.filter((removed) => text.includes(removed));
  const kept = new Set(wordsOf(redacted));
  const present = new Set(wordsOf(text));
  const words = new Set(spans.flatMap(wordsOf).filter((w) => w.length > 1 && !kept.has(w) && present.has(w) && !back.some((run) => wordsOf(run).includes(w))));
  return [...back, ...words];
}

/**
 * "Redact the ticked items" on the text in the box (`box`), never on a text rebuilt from elsewhere:
 * every edit the moderator made there is kept. Each ticked suggestion (found in `raw`, the text as
 * sent) is replaced by the mark wherever it still is; a change of the box that only marked
 * suggestions is rebuilt from the ticks, so a suggestion unticked comes back where it was. A
 * change that did anything else to the sent words (a name taken out by hand beside it) is left as typed.
 */
export function applyTicked(raw: string, box: string, suggestions: readonly Suggestion[], ticked: readonly Suggestion[], language: string): string {
  const mark = redactionMark(language);
  const marked = (text: string, list: readonly Suggestion[]) => [...list].sort((a, b) => b.text.length - a.text.length).reduce((t, s) => t.split(s.text).join(mark), text);
  let text = '';
  for (const run of changeRuns(raw, box)) {
    if (run.kind === 'same') {
      text += run.text;
      continue;
    }
    // The word diff may put words typed right before or after a mark in the same change.
    const only = marked(run.raw, suggestions);
    const rebuilt = marked(run.raw, ticked);
    if (run.redacted.startsWith(only)) text += rebuilt + run.redacted.slice(only.length);
    else if (run.redacted.endsWith(only)) text += run.redacted.slice(0, run.redacted.length - only.length) + rebuilt;
    else text += run.redacted;
  }
  return marked(text, ticked);
}

/**
 * The text to publish as the review shows it (null before the moderator saved one): the saved draft;
 * else the text this revision was published with; else, for a submitter's edit of a published
 * testimony, their new text with everything removed from the published one removed again.
 */
export function shownRedaction(current: { original: string; draft: string | null; redacted: string | null }, published: { original: string; redacted: string | null } | null): string | null {
  return current.draft ?? current.redacted ?? (published?.redacted ? carryRedactions(published.original, published.redacted, current.original) : null);
}

// Redactions carried from one text to another. A moderator removed or replaced words (a witness's
// name, a phone number) in the published text; the submitter's edit is written from their own,
// unredacted text, so every removed word comes back in it. The newer revision's text to publish
// starts with those words removed again, and "Approve and publish" refuses a text in which one of
// them is back (lib/moderation/decisions.ts). The same between two saves of the text to publish:
// a save made on a text saved meanwhile (another tab, another moderator) is re-based on it with
// what that save removed removed again, and a save that brings a removed run back is refused
// unless the moderator says it is on purpose. Pure.
import { wordDiff } from './word-diff';

export type RedactedSpan = { removed: string; replacement: string };

/** What the moderator took out of `raw` to publish `redacted`: each removed run and what replaced it. */
export function redactedSpans(raw: string, redacted: string): RedactedSpan[] {
  const spans: RedactedSpan[] = [];
  // One change is a run of removed and added words with only spaces between them ("Mahmoud
  // Rostami" → "[name removed]"): the word diff matches the spaces, which would split it in two.
  let removed = '';
  let added = '';
  let open = false;
  const close = () => {
    const word = removed.trim();
    // A word that is still in the published text was not a secret (e.g. a word moved, or one
    // occurrence of many taken out with a sentence): only what left the text entirely counts.
    if (/[\p{L}\p{N}]/u.test(word) && !redacted.includes(word)) spans.push({ removed: word, replacement: added.trim() });
    removed = added = '';
    open = false;
  };
  for (const part of wordDiff(raw, redacted)) {
    if (part.kind === 'same' && !(open && /^\s+$/.test(part.text))) {
      close();
      continue;
    }
    open = true;
    if (part.kind !== 'added') removed += part.text;
    if (part.kind !== 'removed') added += part.text;
  }
  close();
  // Longest first, so a name is replaced whole before any shorter part of it.
  return spans.sort((x, y) => y.removed.length - x.removed.length);
}

/** `text` with every span removed from `raw` to make `redacted` removed again (or replaced as then). */
export function carryRedactions(raw: string, redacted: string, text: string): string {
  let carried = text;
  for (const { removed, replacement } of redactedSpans(raw, redacted)) carried = carried.split(removed).join(replacement);
  return carried;
}

/** The spans removed from the published revision that are back in `text`. */
export function restoredSpans(raw: string, redacted: string, text: string): string[] {
  return redactedSpans(raw, redacted)
    .map((s) => s.removed)
    .filter((removed) => text.includes(removed));
}

// Web addresses in submitted text: suggested for redaction (lib/moderation/redaction.ts) and shown
// defanged to moderators (lib/moderation/defang.ts). One definition, so whatever is suggested is
// also what is defanged: any "scheme://", "www.", or a bare host under a common top-level domain.
export type FoundLink = { start: number; end: number; text: string };

const link = /(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.)[^\s<>"«»]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|ir|org|net|info|me|io|co)\b(?:\/[^\s<>"«»]*)?/giu;
// Punctuation that more likely ends the sentence than the address.
const trailingPunctuation = /[.,;:!?)\]»،؛]+$/u;

export function findLinks(text: string): FoundLink[] {
  return [...text.matchAll(link)].map((match) => {
    const value = match[0].replace(trailingPunctuation, '');
    return { start: match.index, end: match.index + value.length, text: value };
  });
}

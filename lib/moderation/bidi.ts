// Invisible characters that change how text is displayed (Trojan-Source style): bidi embeddings,
// overrides and isolates (U+202A–202E, U+2066–2069). The review screen shows them as visible
// markers so a moderator never approves text that reads differently from what it contains.
export type TextPart = { kind: 'text'; text: string } | { kind: 'control'; codePoint: string };

const controls = /[\u202A-\u202E\u2066-\u2069]/g;

export function splitBidiControls(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of text.matchAll(controls)) {
    if (match.index > at) parts.push({ kind: 'text', text: text.slice(at, match.index) });
    parts.push({ kind: 'control', codePoint: `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` });
    at = match.index + 1;
  }
  if (at < text.length) parts.push({ kind: 'text', text: text.slice(at) });
  return parts;
}

export function hasBidiControls(text: string): boolean {
  return /[\u202A-\u202E\u2066-\u2069]/.test(text);
}

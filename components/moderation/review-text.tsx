// The submitted text as a moderator must see it: plain text (a link is never clickable), with
// every bidi control character shown as a visible marker, and the word diff to the previous revision.
import { splitBidiControls } from '@/lib/moderation/bidi';
import type { DiffPart } from '@/lib/moderation/word-diff';

export function RevealedText({ text, language }: { text: string; language: string }) {
  return (
    <div lang={language} dir="auto" className="whitespace-pre-wrap break-words rounded border border-line bg-white p-4 leading-relaxed">
      {splitBidiControls(text).map((part, i) =>
        part.kind === 'text' ? (
          <span key={i}>{part.text}</span>
        ) : (
          <mark key={i} className="mx-0.5 rounded bg-yellow-200 px-1 font-mono text-xs" dir="ltr">
            [{part.codePoint}]
          </mark>
        ),
      )}
    </div>
  );
}

export function DiffText({ parts, language, labels }: { parts: DiffPart[]; language: string; labels: { added: string; removed: string } }) {
  return (
    <div lang={language} dir="auto" className="whitespace-pre-wrap break-words rounded border border-line bg-white p-4 leading-relaxed">
      {parts.map((part, i) =>
        part.kind === 'same' ? (
          <span key={i}>{part.text}</span>
        ) : part.kind === 'added' ? (
          <ins key={i} className="bg-green-100" aria-label={labels.added}>
            {part.text}
          </ins>
        ) : (
          <del key={i} className="bg-red-100" aria-label={labels.removed}>
            {part.text}
          </del>
        ),
      )}
    </div>
  );
}

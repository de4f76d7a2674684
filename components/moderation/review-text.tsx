// The submitted text as a moderator must see it: plain text with every link defanged (never
// clickable, not openable by copy and paste), every bidi control character shown as a visible marker (here and in every other text the submitter
// wrote: names, credit, messages), and the word diff to the previous revision.
import { Fragment } from 'react';
import { splitBidiControls } from '@/lib/moderation/bidi';
import { splitLinks } from '@/lib/moderation/defang';
import type { DiffPart } from '@/lib/moderation/word-diff';

/** Text with links defanged and every bidi control shown as a visible marker: for any text a submitter wrote. */
export function Revealed({ text }: { text: string }) {
  return splitBidiControls(text).map((part, i) =>
    part.kind === 'text' ? (
      <Fragment key={i}>
        {splitLinks(part.text).map((piece, j) =>
          piece.kind === 'text' ? (
            <Fragment key={j}>{piece.text}</Fragment>
          ) : (
            <span key={j} className="font-mono text-sm text-red-800 underline decoration-dotted" dir="ltr" data-defanged-link="">
              {piece.defanged}
            </span>
          ),
        )}
      </Fragment>
    ) : (
      <mark key={i} className="mx-0.5 rounded bg-yellow-200 px-1 font-mono text-xs" dir="ltr">
        [{part.codePoint}]
      </mark>
    ),
  );
}

export function RevealedText({ text, language }: { text: string; language: string }) {
  return (
    <div lang={language} dir="auto" className="whitespace-pre-wrap break-words rounded border border-line bg-white p-4 leading-relaxed">
      <Revealed text={text} />
    </div>
  );
}

export function DiffText({ parts, language, labels }: { parts: DiffPart[]; language: string; labels: { added: string; removed: string } }) {
  return (
    <div lang={language} dir="auto" className="whitespace-pre-wrap break-words rounded border border-line bg-white p-4 leading-relaxed">
      {parts.map((part, i) =>
        part.kind === 'same' ? (
          <span key={i}><Revealed text={part.text} /></span>
        ) : part.kind === 'added' ? (
          <ins key={i} className="bg-green-100" aria-label={labels.added}>
            <Revealed text={part.text} />
          </ins>
        ) : (
          <del key={i} className="bg-red-100" aria-label={labels.removed}>
            <Revealed text={part.text} />
          </del>
        ),
      )}
    </div>
  );
}

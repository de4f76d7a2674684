'use client';
// A file field that speaks the page's language. The browser's own control says "Choose File / No
// file chosen" in the browser's language whatever the page's: on a Persian page that is English
// (issue 20). The native input stays (it is what the form posts, with or without JavaScript, and
// what the keyboard and screen readers use); it is visually hidden, and a translated button-like
// label opens it. Without JavaScript, :valid (a chosen file satisfies `required`) switches "no file
// yet" to "a file is chosen"; with it, the chosen file's name is shown, isolated (any script).
import { useState, type InputHTMLAttributes } from 'react';

export type FileInputText = { choose: string; noneChosen: string; chosen: string };

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'className'> & { id: string; text: FileInputText };

export function FileInput({ id, text, onChange, ...input }: Props) {
  const [name, setName] = useState<string | null>(null);
  return (
    <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1">
      <input
        {...input}
        id={id}
        type="file"
        required
        className="peer sr-only"
        onChange={(event) => {
          setName(event.currentTarget.files?.[0]?.name ?? null);
          onChange?.(event);
        }}
      />
      {/* A second label of the same input: clicking it opens the picker. aria-hidden, so the field's
          accessible name stays its real label; the keyboard reaches the input itself. */}
      <label
        htmlFor={id}
        aria-hidden="true"
        className="cursor-pointer rounded border border-muted bg-white px-4 py-2 font-medium peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-accent-ink hover:bg-paper"
      >
        {text.choose}
      </label>
      <span className="text-sm text-muted peer-valid:hidden">{text.noneChosen}</span>
      <span className="hidden text-sm peer-valid:inline">{name ? <bdi>{name}</bdi> : text.chosen}</span>
    </div>
  );
}

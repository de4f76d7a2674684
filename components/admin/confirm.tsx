import type { ReactNode } from 'react';

/**
 * A destructive action behind a disclosure: the button appears only after opening it, next to a
 * sentence saying what will happen. Works without JavaScript (details/summary), unlike confirm().
 * It sits inside the form, so the form's result notice stays visible when it is closed again.
 */
export function Confirm({ summary, warning, confirm, name, value }: { summary: string; warning: ReactNode; confirm: string; name?: string; value?: string }) {
  return (
    <details>
      <summary className="cursor-pointer">{summary}</summary>
      <div className="mt-1 space-y-1 border-s-2 border-accent ps-3">
        <p className="text-sm">{warning}</p>
        <button type="submit" name={name} value={value} className="rounded bg-accent-ink px-3 py-1 text-sm font-semibold text-white hover:bg-ink">
          {confirm}
        </button>
      </div>
    </details>
  );
}

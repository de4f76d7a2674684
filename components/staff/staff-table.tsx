import type { ReactNode } from 'react';

/** The cell style of every staff table (queue, audit log, users, persons, invitations, imports). */
export const staffCell = 'border-b border-line px-3 py-2 text-start align-top';

type StaffTableProps = {
  caption: ReactNode;
  columns: ReactNode[];
  children: ReactNode;
  /** Visually hidden caption, where a heading above already names the table. */
  hiddenCaption?: boolean;
  /** Denser tables (audit entries, import previews) use smaller text. */
  small?: boolean;
  className?: string;
};

/** A staff table that scrolls sideways on narrow screens: caption, a heading per column, the caller's rows. */
export function StaffTable({ caption, columns, children, hiddenCaption, small, className = 'mt-6' }: StaffTableProps) {
  return (
    <div className={`${className} overflow-x-auto`}>
      <table className={`w-full border-collapse${small ? ' text-sm' : ''}`}>
        <caption className={hiddenCaption ? 'sr-only' : 'text-start font-semibold'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, i) => (
              <th key={i} scope="col" className={staffCell}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

type CursorPagerProps = {
  label: string;
  /** The list's path; its filters go in `params`, carried to every page so the keyset stays in one search. */
  path: string;
  params: Record<string, string>;
  /** Whether this is a later page (it had a cursor). */
  paged: boolean;
  nextCursor: string | null | undefined;
  firstLabel: string;
  nextLabel: string;
};

/** Keyset paging links: back to the first page once paged, on to the next while there is one. */
export function CursorPager({ label, path, params, paged, nextCursor, firstLabel, nextLabel }: CursorPagerProps) {
  if (!paged && !nextCursor) return null;
  return (
    <nav aria-label={label} className="mt-4 flex gap-4">
      {paged && <a href={`${path}?${new URLSearchParams(params)}`}>{firstLabel}</a>}
      {nextCursor && <a href={`${path}?${new URLSearchParams({ ...params, cursor: nextCursor })}`}>{nextLabel}</a>}
    </nav>
  );
}

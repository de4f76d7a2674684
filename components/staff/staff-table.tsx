import type { ReactNode } from 'react';
import { cursorPagerHtml, type CursorPagerProps } from './cursor-pager';

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
  /** One block per row on a phone, each cell labelled by its `data-label` (app/globals.css). */
  stacked?: boolean;
};

/** A staff table that scrolls sideways on narrow screens: caption, a heading per column, the caller's rows. */
export function StaffTable({ caption, columns, children, hiddenCaption, small, stacked, className = 'mt-6' }: StaffTableProps) {
  return (
    <div className={`${className} overflow-x-auto`}>
      <table className={`w-full border-collapse${small ? ' text-sm' : ''}${stacked ? ' stacked-table' : ''}`}>
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

/** Keyset paging links under a list (the markup: cursor-pager.ts). */
export function CursorPager(props: CursorPagerProps) {
  const links = cursorPagerHtml(props);
  return links ? <div dangerouslySetInnerHTML={{ __html: links.value }} /> : null;
}

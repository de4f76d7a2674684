// The accessible twin of every chart: a real table with a caption and scoped headers.
import { formatNumber } from '@/lib/i18n/dates';
import type { Locale } from '@/lib/i18n/routing';

export type Row = { key: string; label: string; count: number };

export function DataTable({
  caption,
  labelHeading,
  countHeading,
  rows,
  locale,
}: {
  caption: string;
  labelHeading: string;
  countHeading: string;
  rows: Row[];
  locale: Locale;
}) {
  return (
    <table className="mt-4 w-full max-w-2xl border-collapse text-start text-sm">
      <caption className="mb-2 text-start font-semibold">{caption}</caption>
      <thead>
        <tr className="border-b-2 border-ink">
          <th scope="col" className="py-1 pe-4 text-start">
            {labelHeading}
          </th>
          <th scope="col" className="py-1 text-end">
            {countHeading}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="border-b border-line">
            <th scope="row" className="py-1 pe-4 text-start font-normal">
              {row.label}
            </th>
            <td className="py-1 text-end tabular-nums">{formatNumber(row.count, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

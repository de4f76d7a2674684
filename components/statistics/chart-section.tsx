// One statistic: heading, chart, its data table and a link to the same numbers as CSV.
import type { ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/routing';
import { DataTable, type Row } from './data-table';

export function ChartSection({
  id,
  heading,
  chart,
  note,
  tableCaption,
  labelHeading,
  countHeading,
  rows,
  csvHref,
  csvLabel,
  locale,
}: {
  id: string;
  heading: string;
  chart: ReactNode;
  note?: ReactNode;
  tableCaption: string;
  labelHeading: string;
  countHeading: string;
  rows: Row[];
  csvHref: string;
  csvLabel: string;
  locale: Locale;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="mt-12">
      <h2 id={`${id}-heading`} className="text-2xl font-semibold">
        {heading}
      </h2>
      <div className="mt-4">{chart}</div>
      {note}
      <DataTable caption={tableCaption} labelHeading={labelHeading} countHeading={countHeading} rows={rows} locale={locale} />
      <p className="mt-3 text-sm">
        {/* A plain link: the file downloads without JavaScript. */}
        <a href={csvHref} download>
          {csvLabel}
        </a>
      </p>
    </section>
  );
}

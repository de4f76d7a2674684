// The home page's numbers (site and static mirror): what is documented here, by outcome.
import type { MemorialOverview } from '@/lib/memorial/dto';
import { outcomeOptions } from '@/lib/memorial/query';
import { partSeparator } from '@/lib/i18n/separator';
import type { Locale } from '@/lib/i18n/routing';

type T = (key: string, values?: Record<string, string | number>) => string;

/** `heading` replaces "Documented here" (the overview across collections names its scope). */
export function MemorialCounts({ overview, locale, m, p, heading }: { overview: MemorialOverview; locale: Locale; m: T; p: T; heading?: string }) {
  return (
    <section aria-labelledby="counts-heading" className="mt-10">
      <h2 id="counts-heading" className="text-xl font-semibold">
        {heading ?? m('countsHeading')}
      </h2>
      <p className="mt-2 text-lg">
        <strong>{m('personsDocumented', { count: overview.personsDocumented })}</strong>
        {partSeparator(locale)}
        <strong>{m('testimoniesPublished', { count: overview.testimoniesPublished })}</strong>
      </p>
      <table className="mt-3 w-full max-w-md border-collapse text-start">
        <caption className="text-start text-sm text-muted">{m('byOutcomeLabel')}</caption>
        <tbody>
          {outcomeOptions
            .filter((o) => overview.byOutcome[o] > 0)
            .map((o) => (
              <tr key={o} className="border-b border-line">
                <th scope="row" className="py-1 text-start font-normal">
                  {p(`outcome.${o}`)}
                </th>
                <td className="py-1 text-end tabular-nums">{m('personAge', { age: overview.byOutcome[o] })}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <p className="mt-2 text-sm text-muted">{m('countsNote')}</p>
    </section>
  );
}

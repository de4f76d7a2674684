// Choropleth of Iran's provinces: server-rendered SVG from shapes projected once from
// OpenStreetMap data shipped in the repository (lib/geo), so no tile server or third party is
// contacted. The map is geography and is not mirrored in right-to-left pages.
import shapes from '@/lib/geo/province-shapes.json';
import { formatNumber } from '@/lib/i18n/dates';
import type { Locale } from '@/lib/i18n/routing';

const palette = ['#f5f5f4', '#fed7aa', '#fb923c', '#c2410c', '#7c2d12'] as const;

export type ColourClass = { from: number; to: number; colour: string };

/** Up to four equal-width classes from 1 to the maximum; 0 has its own pale colour. */
export function colourClasses(max: number): ColourClass[] {
  const step = Math.max(1, Math.ceil(max / 4));
  const classes: ColourClass[] = [];
  for (let i = 0; i < 4 && i * step + 1 <= max; i++) {
    classes.push({ from: i * step + 1, to: Math.min(max, (i + 1) * step), colour: palette[i + 1]! });
  }
  return classes;
}

function colourOf(count: number, classes: ColourClass[]): string {
  return classes.find((c) => count >= c.from && count <= c.to)?.colour ?? palette[0];
}

export function ProvinceMap({
  id,
  title,
  description,
  counts,
  names,
  legend,
  legendNone,
  locale,
}: {
  id: string;
  title: string;
  description: string;
  counts: Map<string, number>;
  names: Map<string, string>;
  legend: string;
  legendNone: string;
  locale: Locale;
}) {
  const classes = colourClasses(Math.max(0, ...counts.values()));
  return (
    <>
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${shapes.width} ${shapes.height}`}
        className="h-auto w-full max-w-xl"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {shapes.shapes.map((shape) => {
          const count = counts.get(shape.code) ?? 0;
          return (
            <path key={shape.code} d={shape.d} fill={colourOf(count, classes)} stroke="#78716c" strokeWidth={0.8} strokeLinejoin="round">
              <title>{`${names.get(shape.code) ?? shape.code}: ${formatNumber(count, locale)}`}</title>
            </path>
          );
        })}
      </svg>
      <div className="mt-2 text-sm">
        <p className="font-semibold">{legend}</p>
        <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {[{ from: 0, to: 0, colour: palette[0] }, ...classes].map((c) => (
            <li key={c.from} className="flex items-center gap-2">
              {/* An SVG fill, not a style attribute: the CSP allows no inline styles (docs/security.md). */}
              <svg aria-hidden="true" className="inline-block size-4 border border-muted" viewBox="0 0 1 1">
                <rect width="1" height="1" fill={c.colour} />
              </svg>
              {c.to === 0
                ? legendNone
                : c.from === c.to
                  ? formatNumber(c.from, locale)
                  : `${formatNumber(c.from, locale)}–${formatNumber(c.to, locale)}`}
            </li>
          ))}
        </ul>
      </div>
    </>
  );
}

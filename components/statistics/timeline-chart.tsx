// Column chart of people documented per day, as server-rendered SVG. Time runs in the reading
// direction: left to right in English, right to left in Persian (the first day on the right).
import { formatNumber } from '@/lib/i18n/dates';
import { directions, type Locale } from '@/lib/i18n/routing';
import { NarrowAndWide } from './narrow-and-wide';

/** `year`: in the reader's calendar; written under the first label and wherever the year changes. */
export type Day = { key: string; label: string; year: string; count: number };

const height = 240;
const top = 24;
const bottom = 44;
const side = 12;

type Props = { id: string; title: string; days: Day[]; locale: Locale };

export function TimelineChart(props: Props) {
  return <NarrowAndWide draw={(width, suffix) => <TimelineSvg {...props} id={props.id + suffix} width={width} />} />;
}

function TimelineSvg({ id, title, days, locale, width }: Props & { width: number }) {
  const rtl = directions[locale] === 'rtl';
  const max = Math.max(1, ...days.map((d) => d.count));
  const slot = (width - 2 * side) / Math.max(1, days.length);
  const column = Math.max(2, Math.min(48, slot * 0.7));
  const plot = height - top - bottom;
  // With many days, label every n-th column so the labels do not overlap.
  const every = Math.max(1, Math.ceil(days.length / (width < 480 ? 5 : 10)));
  // «۹ دی» of 1396 beside «۲۴ آبان» of 1398 would read as one autumn: the year goes under the first
  // labelled day and under every labelled day whose year differs from the one labelled before it.
  const labelled = days.filter((_, i) => i % every === 0);
  const showYear = new Set(labelled.filter((d, j) => j === 0 || d.year !== labelled[j - 1]!.year).map((d) => d.key));

  return (
    <svg role="img" aria-labelledby={`${id}-title`} viewBox={`0 0 ${width} ${height}`} className="h-auto w-full max-w-2xl" direction={rtl ? 'rtl' : 'ltr'}>
      <title id={`${id}-title`}>{title}</title>
      <line x1={side} x2={width - side} y1={top + plot} y2={top + plot} className="stroke-muted" strokeWidth={1} />
      {days.map((day, i) => {
        const centre = rtl ? width - side - slot * (i + 0.5) : side + slot * (i + 0.5);
        const h = (day.count / max) * plot;
        return (
          <g key={day.key}>
            <rect x={centre - column / 2} y={top + plot - h} width={column} height={h} className="fill-accent" />
            {day.count > 0 && (
              <text x={centre} y={top + plot - h - 6} textAnchor="middle" className="fill-ink text-[12px] font-semibold">
                {formatNumber(day.count, locale)}
              </text>
            )}
            {i % every === 0 && (
              <text x={centre} y={top + plot + 20} textAnchor="middle" className="fill-ink text-[12px]">
                {day.label}
                {showYear.has(day.key) && (
                  <tspan x={centre} dy={16} className="fill-muted">
                    {day.year}
                  </tspan>
                )}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

// Horizontal bar chart as server-rendered SVG: no chart library, no client JavaScript.
// In right-to-left pages the chart is mirrored (labels on the right, bars growing leftwards), the
// way a Persian reader scans it. The SVG is one image with a name; the numbers are in the table.
import { formatNumber } from '@/lib/i18n/dates';
import { directions, type Locale } from '@/lib/i18n/routing';
import { NarrowAndWide } from './narrow-and-wide';

export type Bar = { key: string; label: string; count: number };

const rowHeight = 30;
const barHeight = 18;

type Props = { id: string; title: string; bars: Bar[]; locale: Locale };

export function BarChart(props: Props) {
  return <NarrowAndWide draw={(width, suffix) => <BarSvg {...props} id={props.id + suffix} width={width} />} />;
}

function BarSvg({ id, title, bars, locale, width }: Props & { width: number }) {
  const rtl = directions[locale] === 'rtl';
  const narrow = width < 480;
  const valueWidth = narrow ? 48 : 56;
  const max = Math.max(1, ...bars.map((b) => b.count));
  // Room for the longest label (a rough 7.5 px per character at 13 px), within limits.
  const labelWidth = Math.min(narrow ? 150 : 280, Math.max(narrow ? 90 : 120, 16 + 7.5 * Math.max(...bars.map((b) => b.label.length))));
  const span = width - labelWidth - valueWidth;
  const height = bars.length * rowHeight + 8;
  // Mirror x coordinates for right-to-left pages. Text anchors need no mirroring: with
  // `direction="rtl"` SVG itself reads "start"/"end" from the right, and Persian labels with digits
  // ("۱۸ تا ۲۹") keep their order only with a right-to-left base direction.
  const x = (value: number) => (rtl ? width - value : value);

  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title`}
      viewBox={`0 0 ${width} ${height}`}
      className="h-auto w-full max-w-2xl"
      direction={rtl ? 'rtl' : 'ltr'}
    >
      <title id={`${id}-title`}>{title}</title>
      {bars.map((bar, i) => {
        const y = i * rowHeight + 4;
        const length = (bar.count / max) * span;
        const barStart = labelWidth;
        return (
          <g key={bar.key}>
            <text
              x={x(labelWidth - 8)}
              y={y + barHeight / 2}
              dominantBaseline="central"
              textAnchor="end"
              className="fill-ink text-[13px]"
            >
              {bar.label}
            </text>
            <rect
              x={rtl ? width - barStart - length : barStart}
              y={y}
              width={Math.max(length, bar.count > 0 ? 2 : 0)}
              height={barHeight}
              className="fill-accent"
            />
            <text
              x={x(barStart + length + 6)}
              y={y + barHeight / 2}
              dominantBaseline="central"
              textAnchor="start"
              className="fill-ink text-[13px] font-semibold"
            >
              {formatNumber(bar.count, locale)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

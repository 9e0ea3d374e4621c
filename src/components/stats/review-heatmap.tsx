import type { DayCount } from '@/core/review';

const CELL = 12;
const GAP = 2;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SHADES = ['fill-slate-200 dark:fill-slate-800', 'fill-emerald-200', 'fill-emerald-400', 'fill-emerald-600', 'fill-emerald-800'];

/** Calendar heatmap of reviews per day (columns are weeks, Sunday on top), as plain SVG. */
export function ReviewHeatmap({ days }: { days: DayCount[] }) {
  if (days.length === 0) return null;
  const max = Math.max(1, ...days.map((d) => d.count));
  const firstWeekday = new Date(`${days[0]!.day}T00:00:00Z`).getUTCDay();
  const cells = days.map((d, i) => {
    const slot = i + firstWeekday;
    return { ...d, col: Math.floor(slot / 7), row: slot % 7 };
  });
  const cols = cells.at(-1)!.col + 1;
  const monthLabels = cells.filter((c) => c.day.endsWith('-01')).map((c) => ({ col: c.col, label: MONTHS[Number(c.day.slice(5, 7)) - 1]! }));
  const shade = (n: number) => (n === 0 ? 0 : Math.min(4, 1 + Math.floor((n / max) * 3.999)));
  const top = 14;
  const total = days.reduce((s, d) => s + d.count, 0);
  const active = days.filter((d) => d.count > 0).length;
  return (
    <figure>
      {/* why: on a phone the year does not fit; it scrolls sideways and opens on the latest weeks (rtl scroll origin). */}
      {/* why: a region that scrolls must be reachable with the keyboard (focusable, named). */}
      <div className="overflow-x-auto [direction:rtl]" tabIndex={0} role="region" aria-label="Reviews per day, past year (scrolls sideways)">
        <svg
          viewBox={`0 0 ${cols * (CELL + GAP)} ${top + 7 * (CELL + GAP)}`}
          className="w-full min-w-[640px]"
          style={{ direction: 'ltr' }}
          role="img"
          aria-label={`Reviews per day over the last ${days.length} days: ${total} reviews on ${active} days`}
        >
          {monthLabels.map((m) => (
            <text key={`${m.col}-${m.label}`} x={m.col * (CELL + GAP)} y={10} className="fill-slate-500 text-[9px]">
              {m.label}
            </text>
          ))}
          {cells.map((c) => (
            <rect
              key={c.day}
              x={c.col * (CELL + GAP)}
              y={top + c.row * (CELL + GAP)}
              width={CELL}
              height={CELL}
              rx={2}
              className={SHADES[shade(c.count)]}
              data-day={c.day}
              data-count={c.count}
            >
              <title>{`${c.day}: ${c.count} review${c.count === 1 ? '' : 's'}`}</title>
            </rect>
          ))}
        </svg>
      </div>
      <figcaption className="mt-2 flex items-center justify-end gap-1 text-xs text-slate-500">
        Less
        {SHADES.map((s) => (
          <svg key={s} width="12" height="12" aria-hidden="true"><rect width="12" height="12" rx="2" className={s} /></svg>
        ))}
        More
      </figcaption>
    </figure>
  );
}

'use client';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { rateFill } from './format';

export interface PercentBar {
  /** Short axis label. */
  label: string;
  /** Full text for the tooltip and screen readers. */
  title: string;
  /** 0–100; null = no data (drawn as an empty slot). */
  pct: number | null;
}

/** why: a long section name would wrap into its neighbour's row; the full name is in the tooltip and the text alternative. */
const clip = (label: string) => (label.length > 30 ? `${label.slice(0, 29)}…` : label);

/**
 * Percent bars coloured by level (red < 50, amber < 75, green). Horizontal for long labels such as
 * section names; the figure carries a text alternative listing every value.
 */
export function PercentBarChart({ caption, bars, horizontal = false, unit = '%' }: { caption: string; bars: PercentBar[]; horizontal?: boolean; unit?: string }) {
  // why: a 0% bar has no height; the value label keeps "nobody got it" visible instead of an empty slot.
  const data = bars.map((b) => ({ ...b, value: b.pct ?? 0, text: b.pct === null ? '—' : `${b.pct}${unit}` }));
  const height = horizontal ? Math.max(160, bars.length * 30 + 40) : 256;
  return (
    <figure className="card">
      <figcaption className="mb-2 font-bold">{caption}</figcaption>
      <div style={{ height }} role="img" aria-label={bars.map((b) => `${b.title}: ${b.pct === null ? 'no data' : `${b.pct}${unit}`}`).join('; ')}>
        <ResponsiveContainer width="100%" height="100%">
          {horizontal ? (
            <BarChart data={data} layout="vertical" margin={{ top: 4, right: 40, bottom: 4, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#cbd5e1" />
              <XAxis type="number" domain={[0, 100]} tick={{ fontSize: 12 }} />
              <YAxis type="category" dataKey="label" width={200} tick={{ fontSize: 12 }} interval={0} tickFormatter={clip} />
              <Tooltip formatter={(v, _n, item) => [item?.payload?.pct === null ? 'no data' : `${v}${unit}`, '']} labelFormatter={(_l, p) => p?.[0]?.payload?.title ?? ''} />
              <Bar dataKey="value" isAnimationActive={false} barSize={18}>
                <LabelList dataKey="text" position="right" style={{ fontSize: 12, fill: '#475569' }} />
                {data.map((d, i) => (
                  <Cell key={i} fill={d.pct === null ? '#cbd5e1' : rateFill(d.value)} />
                ))}
              </Bar>
            </BarChart>
          ) : (
            <BarChart data={data} margin={{ top: 20, right: 8, bottom: 0, left: -16 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#cbd5e1" />
              <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} />
              <YAxis domain={[0, 100]} tick={{ fontSize: 12 }} />
              <Tooltip formatter={(v, _n, item) => [item?.payload?.pct === null ? 'no data' : `${v}${unit}`, '']} labelFormatter={(_l, p) => p?.[0]?.payload?.title ?? ''} />
              <Bar dataKey="value" isAnimationActive={false}>
                <LabelList dataKey="text" position="top" style={{ fontSize: 12, fill: '#475569' }} />
                {data.map((d, i) => (
                  <Cell key={i} fill={d.pct === null ? '#cbd5e1' : rateFill(d.value)} />
                ))}
              </Bar>
            </BarChart>
          )}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

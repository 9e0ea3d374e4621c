'use client';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CardCounts, DayCount } from '@/core/review';

const shortDay = (day: string) => {
  const [, m, d] = day.split('-');
  return `${Number(d)}/${Number(m)}`;
};

/** Cards due per day for the next 30 days. */
export function ForecastChart({ forecast }: { forecast: DayCount[] }) {
  const data = forecast.map((f, i) => ({ ...f, label: i === 0 ? 'Today' : shortDay(f.day) }));
  return (
    <div className="h-56 w-full" role="img" aria-label={`Cards due in the next 30 days: ${forecast.reduce((s, f) => s + f.count, 0)} in total, ${forecast[0]?.count ?? 0} today`}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#94a3b855" />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={12} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
          <Tooltip formatter={(v) => [v, 'cards due']} labelFormatter={(l) => String(l)} />
          <Bar dataKey="count" fill="#6366f1" radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

const STATE_COLORS = { New: '#0ea5e9', Learning: '#f59e0b', Review: '#10b981', Suspended: '#94a3b8' };

/** Cards by state as horizontal bars. */
export function CardStateChart({ counts }: { counts: CardCounts }) {
  const data = [
    { name: 'New', value: counts.new },
    { name: 'Learning', value: counts.learning },
    { name: 'Review', value: counts.review },
    { name: 'Suspended', value: counts.suspended },
  ] as const;
  return (
    <div className="h-44 w-full" role="img" aria-label={data.map((d) => `${d.name} ${d.value}`).join(', ')}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={[...data]} layout="vertical" margin={{ top: 0, right: 24, bottom: 0, left: 8 }}>
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
          <YAxis type="category" dataKey="name" width={76} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => [v, 'cards']} />
          <Bar dataKey="value" radius={[0, 3, 3, 0]} isAnimationActive={false} label={{ position: 'right', fontSize: 11 }}>
            {data.map((d) => (
              <Cell key={d.name} fill={STATE_COLORS[d.name]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

'use client';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface QuestionStat {
  label: string;
  prompt: string;
  /** 0–100, null when nobody was asked. */
  accuracy: number | null;
  /** Seconds, null without answers. */
  avgSeconds: number | null;
}

function accuracyColour(pct: number): string {
  if (pct >= 75) return '#15803d';
  if (pct >= 50) return '#ca8a04';
  return '#dc2626';
}

/** Accuracy and mean answer time per question, side by side. */
export function QuestionCharts({ stats }: { stats: QuestionStat[] }) {
  const data = stats.map((s) => ({ ...s, accuracy: s.accuracy ?? 0, avgSeconds: s.avgSeconds ?? 0 }));
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <figure className="card">
        <figcaption className="mb-2 font-bold">Correct answers per question (%)</figcaption>
        <div className="h-64" role="img" aria-label={stats.map((s) => `${s.label}: ${s.accuracy ?? 0}% correct`).join('; ')}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#cbd5e1" />
              <XAxis dataKey="label" tick={{ fontSize: 12 }} />
              <YAxis domain={[0, 100]} tick={{ fontSize: 12 }} />
              <Tooltip formatter={(v) => [`${v}%`, 'Correct']} labelFormatter={(l, p) => `${l}: ${p?.[0]?.payload?.prompt ?? ''}`} />
              <Bar dataKey="accuracy" isAnimationActive={false}>
                {data.map((d) => (
                  <Cell key={d.label} fill={accuracyColour(d.accuracy)} />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <figure className="card">
        <figcaption className="mb-2 font-bold">Average answer time (seconds)</figcaption>
        <div className="h-64" role="img" aria-label={stats.map((s) => `${s.label}: ${s.avgSeconds ?? 0} s`).join('; ')}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#cbd5e1" />
              <XAxis dataKey="label" tick={{ fontSize: 12 }} />
              <YAxis tick={{ fontSize: 12 }} />
              <Tooltip formatter={(v) => [`${v} s`, 'Average time']} labelFormatter={(l, p) => `${l}: ${p?.[0]?.payload?.prompt ?? ''}`} />
              <Bar dataKey="avgSeconds" fill="#6366f1" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
    </div>
  );
}

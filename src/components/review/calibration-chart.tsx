'use client';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CalibrationBin } from '@/core/optimizer/metrics';

const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * Predicted vs. actual recall per tenth of predicted recall: a well-calibrated model sits on the
 * diagonal. One line for the defaults, one for the fitted parameters.
 */
export function CalibrationChart({ fitted, baseline, label }: { fitted: CalibrationBin[]; baseline: CalibrationBin[]; label: string }) {
  const points = (bins: CalibrationBin[]) => bins.filter((b) => b.reviews >= 5).map((b) => ({ x: b.predicted, y: b.actual, n: b.reviews }));
  const summary = (bins: CalibrationBin[]) =>
    points(bins).map((p) => `predicted ${pct(p.x)}, actual ${pct(p.y)} (${p.n} reviews)`).join('; ');
  return (
    <figure className="flex flex-col gap-2">
      <div className="h-64 w-full" role="img" aria-label={`${label}. Defaults: ${summary(baseline)}. Fitted: ${summary(fitted)}.`}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart margin={{ top: 8, right: 12, bottom: 16, left: -8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#94a3b855" />
            <XAxis type="number" dataKey="x" domain={[0, 1]} tickFormatter={pct} tick={{ fontSize: 11 }} label={{ value: 'predicted recall', position: 'insideBottom', offset: -8, fontSize: 11 }} />
            <YAxis type="number" dataKey="y" domain={[0, 1]} tickFormatter={pct} tick={{ fontSize: 11 }} />
            <Tooltip formatter={(v) => pct(Number(v))} labelFormatter={(l) => `predicted ${pct(Number(l))}`} />
            <Legend verticalAlign="top" height={24} wrapperStyle={{ fontSize: 12 }} />
            <Line data={[{ x: 0, y: 0 }, { x: 1, y: 1 }]} dataKey="y" name="perfect" stroke="#94a3b8" strokeDasharray="4 4" dot={false} isAnimationActive={false} />
            <Line data={points(baseline)} dataKey="y" name="defaults" stroke="#f59e0b" strokeWidth={2} isAnimationActive={false} />
            <Line data={points(fitted)} dataKey="y" name="fitted" stroke="#4f46e5" strokeWidth={2} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="text-sm text-slate-600 dark:text-slate-400">
        Each point groups held-out reviews by the recall the model predicted; its height is how often the card was actually
        remembered. The closer to the dashed line, the better the predictions.
      </figcaption>
    </figure>
  );
}

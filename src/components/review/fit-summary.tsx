import type { FitFigures } from '@/core/optimizer/metrics';

const pp = (x: number) => `${(x * 100).toFixed(1)} percentage points`;

/** Default vs. fitted figures in plain words, with the exact numbers for those who know them. */
/** `heldOut` names what was held back, e.g. "16 of your cards". */
export function FitSummary({ base, fitted, heldOut }: { base: FitFigures; fitted: FitFigures; heldOut: string }) {
  const better = fitted.logLoss < base.logLoss;
  return (
    <div className="flex flex-col gap-2">
      <p>
        Checked on {heldOut} that the fit never saw. On groups of similar reviews, the defaults&apos; predicted recall was off by{' '}
        <strong>{pp(base.rmseBins)}</strong> on average; the fitted parameters by <strong>{pp(fitted.rmseBins)}</strong>.{' '}
        {better
          ? 'By log loss, the measure that decides, the fitted parameters predict recall better.'
          : 'By log loss, the measure that decides, the fitted parameters do not predict recall better, so they will not be used.'}
      </p>
      <dl className="grid grid-cols-3 gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-500 dark:text-slate-400">Figure</dt>
        <dd className="font-medium">Defaults</dd>
        <dd className="font-medium">Fitted</dd>
        <dt className="text-slate-500 dark:text-slate-400">Log loss (lower is better)</dt>
        <dd>{base.logLoss.toFixed(4)}</dd>
        <dd>{fitted.logLoss.toFixed(4)}</dd>
        <dt className="text-slate-500 dark:text-slate-400">RMSE (bins)</dt>
        <dd>{base.rmseBins.toFixed(4)}</dd>
        <dd>{fitted.rmseBins.toFixed(4)}</dd>
      </dl>
    </div>
  );
}

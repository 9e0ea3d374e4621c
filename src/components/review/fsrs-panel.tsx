'use client';
import { useState } from 'react';
import type { FsrsStatus } from '@/server/review/fsrs-service';
import { CalibrationChart } from './calibration-chart';
import { FitSummary } from './fit-summary';
import { useFitStatus } from './use-fit-status';

type Choice = 'own' | 'class' | 'default';

async function call(body: unknown): Promise<{ ok: boolean; data: any }> {
  const res = await fetch('/api/settings/fsrs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { ok: res.ok, data: await res.json().catch(() => null) };
}

function sourceText(s: FsrsStatus): string {
  const a = s.active;
  if (a.source === 'own') return 'your own parameters, fitted to your review history';
  if (a.source === 'class') return `the parameters of your class “${a.classOffer?.name}”, fitted to its students' reviews`;
  return "FSRS-6's default parameters";
}

/** /settings: which FSRS parameters schedule the student, and fitting their own. */
export function FsrsPanel() {
  const { status, load, running } = useFitStatus<FsrsStatus>('/api/settings/fsrs');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function act(body: unknown, done: (data: any) => string) {
    setBusy(true);
    setMessage(null);
    try {
      const { ok, data } = await call(body);
      setMessage(ok ? done(data) : (data?.error?.message ?? 'Something went wrong.'));
      await load();
    } finally {
      setBusy(false);
    }
  }
  const moved = (d: any) => `Done: ${d.change.cardsRescheduled} cards rescheduled from their review history.`;

  if (!status) return <section className="card max-w-2xl" aria-busy="true"><p>Loading your memory model…</p></section>;
  const { history, job, active } = status;
  const result = job?.status === 'done' ? job.result : null;
  const choices: { value: Choice; label: string; available: boolean }[] = [
    { value: 'own', label: 'My own parameters', available: active.own !== null },
    { value: 'class', label: active.classOffer ? `My class's (${active.classOffer.name})` : "My class's (none fitted yet: defaults)", available: true },
    { value: 'default', label: 'FSRS defaults', available: true },
  ];

  return (
    <section className="card flex max-w-2xl flex-col gap-4" aria-labelledby="fsrs-heading">
      <h2 id="fsrs-heading" className="text-xl font-bold">Memory model (FSRS parameters)</h2>
      <p>
        Your cards are scheduled with <strong>{sourceText(status)}</strong>. FSRS predicts how likely you are to remember each card; fitting its 21
        parameters to your own reviews makes those predictions, and so your review dates, match your memory.
      </p>
      <div>
        <p id="fsrs-history">
          You have <strong>{history.reviews}</strong> reviews of <strong>{history.cards}</strong> cards. Fitting needs at least {history.minimum.reviews}{' '}
          reviews of {history.minimum.cards} cards: with fewer, 21 parameters would follow chance, and the cards held back to check the fit would be too few to
          tell a better fit from luck.
        </p>
        {!history.enough && (
          <div className="mt-2 h-2 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800" role="progressbar" aria-label="History towards the minimum"
            aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(100 * Math.min(1, history.reviews / history.minimum.reviews))}>
            <div className="h-full bg-brand-600" style={{ width: `${100 * Math.min(1, history.reviews / history.minimum.reviews)}%` }} />
          </div>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className="btn btn-primary" disabled={!history.enough || running || busy}
          onClick={() => void act({ action: 'optimize' }, () => 'Fitting started.')} aria-describedby="fsrs-history">
          {running ? 'Optimizing…' : 'Optimize my parameters'}
        </button>
        {status.lastChange && (
          <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => void act({ action: 'undo' }, moved)}>
            Undo last change
          </button>
        )}
      </div>
      {running && job && (
        <div className="h-2 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800" role="progressbar" aria-label="Fitting progress"
          aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(job.progress * 100)}>
          <div className="h-full bg-brand-600 transition-all" style={{ width: `${job.progress * 100}%` }} />
        </div>
      )}
      {job?.status === 'failed' && <p className="text-rose-700 dark:text-rose-300">The fit did not work: {job.message}</p>}
      {result && (
        <div className="flex flex-col gap-3 rounded-lg bg-slate-50 p-4 dark:bg-slate-800/50">
          <h3 className="font-semibold">Latest fit: predicted recall vs. actual recall</h3>
          <FitSummary base={result.default} fitted={result.fitted} heldOut={`${result.heldOutCards} of your cards`} />
          <CalibrationChart fitted={result.calibration.fitted} baseline={result.calibration.default} label="Predicted against actual recall on your held-out cards" />
          {result.better && !(active.source === 'own' && active.own?.join() === result.params.join()) && (
            <button type="button" className="btn btn-primary self-start" disabled={busy} onClick={() => void act({ action: 'apply', jobId: job!.id }, moved)}>
              Use these parameters
            </button>
          )}
        </div>
      )}
      <fieldset className="flex flex-col gap-2">
        <legend className="font-semibold">Schedule me with</legend>
        {choices.map((c) => (
          <label key={c.value} className="flex items-center gap-2">
            <input type="radio" name="fsrs-choice" value={c.value} checked={active.choice === c.value} disabled={!c.available || busy}
              onChange={() => void act({ action: 'choose', choice: c.value }, moved)} />
            {c.label}
          </label>
        ))}
      </fieldset>
      {message && <p role="status" className="text-sm text-slate-700 dark:text-slate-300">{message}</p>}
    </section>
  );
}

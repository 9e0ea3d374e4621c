'use client';
import { useState } from 'react';
import type { ClassFsrsStatus } from '@/server/classes/class-fsrs';
import { CalibrationChart } from '@/components/review/calibration-chart';
import { FitSummary } from '@/components/review/fit-summary';
import { useFitStatus } from '@/components/review/use-fit-status';

/** Class insight: how well the class's FSRS parameters predict its recall, and fitting them. Aggregates only. */
export function ClassFsrsPanel({ classId }: { classId: string }) {
  const url = `/api/classes/${encodeURIComponent(classId)}/fsrs`;
  const { status, load, running } = useFitStatus<ClassFsrsStatus>(url);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function act(body: unknown, done: (d: any) => string) {
    setBusy(true);
    setMessage(null);
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const data = await res.json().catch(() => null);
      setMessage(res.ok ? done(data) : (data?.error?.message ?? 'Something went wrong.'));
      await load();
    } finally {
      setBusy(false);
    }
  }

  if (!status) return <section className="card" aria-busy="true"><p>Loading the class memory model…</p></section>;
  const { job, report } = status;
  const result = job?.status === 'done' ? job.result : null;
  return (
    <section className="card flex flex-col gap-4" aria-labelledby="class-fsrs-heading">
      <h2 id="class-fsrs-heading" className="text-xl font-bold">Class memory model (FSRS parameters)</h2>
      <p className="text-slate-600 dark:text-slate-400">
        Fit FSRS to the pooled reviews of this class&apos;s published decks, so students who have just joined are scheduled well from day one. Students
        without parameters of their own use the class&apos;s; each can switch to their own or to the defaults on their settings page. You see figures only,
        never a student&apos;s reviews. Fitting needs at least {status.minimum.reviews} reviews of {status.minimum.cards} student-cards.
      </p>
      {report && status.fittedAt ? (
        <div className="flex flex-col gap-3">
          <p>
            Fitted {new Date(status.fittedAt).toLocaleDateString()} on {report.reviews} reviews by {report.students} students;{' '}
            {status.membersUsingClass} of {status.members} students are scheduled with these parameters.
          </p>
          <FitSummary base={report.default} fitted={report.fitted} heldOut={`${report.heldOutCards} student-cards`} />
          <CalibrationChart fitted={report.calibration.fitted} baseline={report.calibration.default} label="Predicted against actual recall of the class on held-out student-cards" />
        </div>
      ) : (
        <p>No class parameters yet: students are scheduled with FSRS defaults (or their own).</p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className="btn btn-primary" disabled={running || busy} onClick={() => void act({ action: 'optimize' }, () => 'Fitting started.')}>
          {running ? 'Optimizing…' : 'Optimize class parameters'}
        </button>
        {report && (
          <button type="button" className="btn btn-secondary" disabled={running || busy}
            onClick={() => void act({ action: 'undo' }, (d) => `Undone: ${d.change.cardsRescheduled} student-cards rescheduled.`)}>
            Undo last class fit
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
      {result && status.fittedAt !== null && report?.fitted.logLoss === result.fitted.logLoss ? null : result && (
        <div className="flex flex-col gap-3 rounded-lg bg-slate-50 p-4 dark:bg-slate-800/50">
          <h3 className="font-semibold">New fit</h3>
          <FitSummary base={result.default} fitted={result.fitted} heldOut={`${result.heldOutCards} student-cards`} />
          <CalibrationChart fitted={result.calibration.fitted} baseline={result.calibration.default} label="Predicted against actual recall on held-out student-cards" />
          {result.better && (
            <button type="button" className="btn btn-primary self-start" disabled={busy}
              onClick={() => void act({ action: 'apply', jobId: job!.id }, (d) => `Applied: ${d.change.cardsRescheduled} student-cards rescheduled.`)}>
              Use for the class
            </button>
          )}
        </div>
      )}
      {message && <p role="status" className="text-sm text-slate-700 dark:text-slate-300">{message}</p>}
    </section>
  );
}

'use client';
import { useEffect, useState } from 'react';
import type { ReviewSettings } from '@/core/review';
import { parseSteps } from '@/core/review';

type Field = keyof ReviewSettings;
type Draft = Record<Field, string>;

const toDraft = (s: ReviewSettings): Draft => ({
  desiredRetention: String(s.desiredRetention),
  newPerDay: String(s.newPerDay),
  maxReviewsPerDay: String(s.maxReviewsPerDay),
  learningSteps: s.learningSteps,
  relearningSteps: s.relearningSteps,
  maxIntervalDays: String(s.maxIntervalDays),
  timeZone: s.timeZone,
  dayRolloverHour: String(s.dayRolloverHour),
});

function intIn(v: string, min: number, max: number, what: string): string | null {
  const n = Number(v);
  if (v.trim() === '' || !Number.isInteger(n)) return `${what} must be a whole number.`;
  if (n < min || n > max) return `${what} must be between ${min} and ${max}.`;
  return null;
}

/** Client-side checks mirroring the core schema, so mistakes show before saving. */
function validate(d: Draft, zones: Set<string>): Partial<Record<Field, string>> {
  const e: Partial<Record<Field, string>> = {};
  const r = Number(d.desiredRetention);
  if (d.desiredRetention.trim() === '' || Number.isNaN(r)) e.desiredRetention = 'Desired retention must be a number.';
  else if (r < 0.7 || r > 0.97) e.desiredRetention = 'Desired retention must be between 0.70 and 0.97.';
  e.newPerDay = intIn(d.newPerDay, 0, 9999, 'New cards per day') ?? undefined;
  e.maxReviewsPerDay = intIn(d.maxReviewsPerDay, 0, 9999, 'Maximum reviews per day') ?? undefined;
  e.maxIntervalDays = intIn(d.maxIntervalDays, 1, 36500, 'Maximum interval') ?? undefined;
  e.dayRolloverHour = intIn(d.dayRolloverHour, 0, 23, 'Next day starts at') ?? undefined;
  for (const f of ['learningSteps', 'relearningSteps'] as const) {
    const p = parseSteps(d[f]);
    if (!p.ok) e[f] = p.error;
  }
  if (zones.size > 0 && !zones.has(d.timeZone)) e.timeZone = 'Pick a time zone from the list (e.g. Europe/Berlin).';
  for (const k of Object.keys(e) as Field[]) if (!e[k]) delete e[k];
  return e;
}

export function SettingsForm({ initial, saved }: { initial: ReviewSettings; saved: boolean }) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(initial));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [zones, setZones] = useState<Set<string>>(new Set());
  // why: read the browser's zone list and zone after hydration, so server and client HTML agree.
  useEffect(() => {
    const list = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
    setZones(new Set(['UTC', ...list]));
    if (!saved) {
      const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      if (browserZone) {
        setDraft((d) => ({ ...d, timeZone: browserZone }));
        setStatus('Time zone filled in from your browser. Save to keep it.');
      }
    }
  }, [saved]);

  const set = (f: Field) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    setDraft((d) => ({ ...d, [f]: e.target.value }));
    setErrors((er) => ({ ...er, [f]: undefined }));
  };

  async function save(e: React.FormEvent) {
    e.preventDefault();
    const found = validate(draft, zones);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setStatus('Please fix the highlighted fields.');
      return;
    }
    setBusy(true);
    setStatus(null);
    const body = {
      desiredRetention: Number(draft.desiredRetention),
      newPerDay: Number(draft.newPerDay),
      maxReviewsPerDay: Number(draft.maxReviewsPerDay),
      learningSteps: draft.learningSteps,
      relearningSteps: draft.relearningSteps,
      maxIntervalDays: Number(draft.maxIntervalDays),
      timeZone: draft.timeZone,
      dayRolloverHour: Number(draft.dayRolloverHour),
    };
    try {
      const res = await fetch('/api/settings/review', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const data = await res.json().catch(() => null);
      if (!res.ok) {
        const msg: string = data?.error?.message ?? 'Could not save.';
        const m = /^(\w+): (.*)$/.exec(msg);
        if (m && m[1]! in draft) setErrors({ [m[1] as Field]: m[2] });
        setStatus(msg);
        return;
      }
      setDraft(toDraft(data.settings));
      setStatus('Saved.');
    } finally {
      setBusy(false);
    }
  }

  const field = (f: Field, label: string, hint: string, input: React.ReactNode) => (
    <div>
      <label htmlFor={f} className="block font-medium">{label}</label>
      <p id={`${f}-hint`} className="text-sm text-slate-500 dark:text-slate-400">{hint}</p>
      <div className="mt-1">{input}</div>
      {errors[f] && (
        <p id={`${f}-error`} className="mt-1 text-sm font-medium text-rose-700 dark:text-rose-300">{errors[f]}</p>
      )}
    </div>
  );
  const describe = (f: Field) => (errors[f] ? `${f}-hint ${f}-error` : `${f}-hint`);
  const cls = (f: Field) => `field ${errors[f] ? 'border-rose-500 ring-1 ring-rose-500' : ''}`;
  const num = (f: Field, step: string, min: number, max: number) => (
    <input id={f} name={f} type="number" inputMode="decimal" step={step} min={min} max={max} className={cls(f)} value={draft[f]} onChange={set(f)} aria-invalid={!!errors[f]} aria-describedby={describe(f)} />
  );

  return (
    <form onSubmit={save} noValidate className="card flex max-w-2xl flex-col gap-5">
      <h1 className="text-2xl font-bold">Review settings</h1>
      {field('desiredRetention', 'Desired retention', 'How likely you want to be to remember a card when it comes due (0.70–0.97). Higher means more reviews.', num('desiredRetention', '0.01', 0.7, 0.97))}
      <div className="grid gap-5 sm:grid-cols-2">
        {field('newPerDay', 'New cards per day', 'How many unseen cards to introduce each day.', num('newPerDay', '1', 0, 9999))}
        {field('maxReviewsPerDay', 'Maximum reviews per day', 'Reviews beyond this wait for the next day.', num('maxReviewsPerDay', '1', 0, 9999))}
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        {field('learningSteps', 'Learning steps', 'Delays for new cards, e.g. "1m 10m" (units s, m, h, d).', (
          <input id="learningSteps" className={cls('learningSteps')} value={draft.learningSteps} onChange={set('learningSteps')} aria-invalid={!!errors.learningSteps} aria-describedby={describe('learningSteps')} />
        ))}
        {field('relearningSteps', 'Relearning steps', 'Delays after you forget a card, e.g. "10m".', (
          <input id="relearningSteps" className={cls('relearningSteps')} value={draft.relearningSteps} onChange={set('relearningSteps')} aria-invalid={!!errors.relearningSteps} aria-describedby={describe('relearningSteps')} />
        ))}
      </div>
      {field('maxIntervalDays', 'Maximum interval (days)', 'The longest gap between two reviews of a card.', num('maxIntervalDays', '1', 1, 36500))}
      <div className="grid gap-5 sm:grid-cols-2">
        {field('timeZone', 'Time zone', 'Your day (and daily limits) follow this clock.', (
          <>
            <input id="timeZone" list="time-zones" className={cls('timeZone')} value={draft.timeZone} onChange={set('timeZone')} aria-invalid={!!errors.timeZone} aria-describedby={describe('timeZone')} />
            <datalist id="time-zones">
              {[...zones].map((z) => <option key={z} value={z} />)}
            </datalist>
          </>
        ))}
        {field('dayRolloverHour', 'Next day starts at', 'Reviews before this hour count for the previous day.', (
          <select id="dayRolloverHour" className={cls('dayRolloverHour')} value={draft.dayRolloverHour} onChange={set('dayRolloverHour')} aria-describedby={describe('dayRolloverHour')}>
            {Array.from({ length: 24 }, (_, h) => (
              <option key={h} value={String(h)}>{`${String(h).padStart(2, '0')}:00`}</option>
            ))}
          </select>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? 'Saving…' : 'Save settings'}</button>
        {status && <p role="status" className="text-sm text-slate-700 dark:text-slate-300">{status}</p>}
      </div>
    </form>
  );
}

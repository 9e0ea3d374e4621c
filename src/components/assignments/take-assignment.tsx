'use client';
import Link from 'next/link';
import { useCallback, useEffect, useRef, useState } from 'react';
import { callApi } from '../classes/api-client';
import { FeedbackPanel, QuestionView } from './question-view';
import { StatusBadge } from './status-badge';
import { LocalTime } from './local-time';
import { AttemptReview } from './attempt-review';
import type { AnswerFeedback, AnswerResultJson, PublicQuestion, TakeStateJson } from './take-types';

interface Asking {
  question: PublicQuestion;
  answered: number;
  correct: number;
  total: number;
  feedback: AnswerFeedback | null;
  next: PublicQuestion | null;
}

/**
 * The student's self-paced quiz: intro → one question at a time (check, see right/wrong and the
 * explanation, next) → submit → summary. Keys: 1-9 pick an option, Enter checks / goes on.
 */
export function TakeAssignment({ initial }: { initial: TakeStateJson }) {
  const [state, setState] = useState(initial);
  const [asking, setAsking] = useState<Asking | null>(() => askingFrom(initial));
  const [selected, setSelected] = useState<number[]>([]);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const a = state.assignment;
  const feedbackRef = useRef<HTMLDivElement>(null);
  const shownFeedback = asking?.feedback ?? null;
  // why: on a phone the explanation lands below the fold, under the fixed action bar.
  useEffect(() => {
    if (shownFeedback) feedbackRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [shownFeedback]);

  async function start() {
    setBusy(true);
    setError(null);
    const res = await callApi<{ state: TakeStateJson }>('POST', `/api/assignments/${a.id}/start`);
    setBusy(false);
    if (!res.ok) return setError(res.message);
    setState(res.data.state);
    setAsking(askingFrom(res.data.state));
  }

  const canCheck = asking !== null && asking.feedback === null && (asking.question.kind === 'type' ? typed.trim().length > 0 : selected.length > 0);

  const check = useCallback(async () => {
    if (!asking || !canCheck) return;
    setBusy(true);
    setError(null);
    const choice = asking.question.kind === 'type' ? typed : [...selected].sort((x, y) => x - y);
    const res = await callApi<AnswerResultJson>('POST', `/api/assignments/${a.id}/answer`, { questionIndex: asking.question.index, choice });
    setBusy(false);
    if (!res.ok) return setError(res.message);
    const r = res.data;
    setAsking({ ...asking, feedback: r.feedback, answered: r.answeredCount, correct: r.correctCount, total: r.total, next: r.next });
  }, [a.id, asking, canCheck, selected, typed]);

  function goNext() {
    if (!asking?.next) return;
    setAsking({ ...asking, question: asking.next, feedback: null, next: null });
    setSelected([]);
    setTyped('');
  }

  async function submit(confirmFirst: boolean) {
    if (confirmFirst && !window.confirm('Submit now? Questions you have not answered count as wrong.')) return;
    setBusy(true);
    setError(null);
    const res = await callApi<{ state: TakeStateJson }>('POST', `/api/assignments/${a.id}/submit`);
    setBusy(false);
    if (!res.ok) return setError(res.message);
    setState(res.data.state);
    setAsking(null);
    window.scrollTo({ top: 0 });
  }

  function toggle(i: number) {
    if (!asking || asking.feedback) return;
    if (asking.question.kind === 'multi') setSelected((cur) => (cur.includes(i) ? cur.filter((x) => x !== i) : [...cur, i]));
    else setSelected([i]);
  }

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (!asking || busy) return;
      const inInput = (e.target as HTMLElement).tagName === 'INPUT';
      if (e.key === 'Enter') {
        e.preventDefault();
        if (asking.feedback) {
          if (asking.next) goNext();
        } else void check();
      } else if (!inInput && /^[1-9]$/.test(e.key) && asking.question.kind !== 'type') {
        const i = Number(e.key) - 1;
        if (i < (asking.question.options?.length ?? 0)) toggle(i);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const errorBox = error && (
    <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-900/40 dark:text-red-100">
      {error}
    </p>
  );

  if (asking) {
    const pct = Math.round((asking.answered / asking.total) * 100);
    const finished = asking.feedback !== null && asking.next === null;
    return (
      <div className="mx-auto flex w-full max-w-2xl flex-col gap-4 pb-28">
        <div className="flex items-center justify-between gap-3 text-sm">
          <span className="min-w-0 truncate font-semibold">{a.title}</span>
          <span className="shrink-0 text-slate-600 dark:text-slate-400">
            Question {asking.question.index + 1} of {asking.total}
          </span>
        </div>
        <div
          className="h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
          role="progressbar"
          aria-label="Answered"
          aria-valuemin={0}
          aria-valuemax={asking.total}
          aria-valuenow={asking.answered}
        >
          <div className="h-full rounded-full bg-brand-600 transition-all" style={{ width: `${pct}%` }} />
        </div>
        <div className="card">
          <QuestionView
            question={asking.question}
            selected={selected}
            typed={typed}
            feedback={asking.feedback}
            disabled={busy}
            onToggle={toggle}
            onType={setTyped}
          />
        </div>
        <div ref={feedbackRef} className="scroll-mb-28">
          {asking.feedback && <FeedbackPanel feedback={asking.feedback} kind={asking.question.kind} />}
        </div>
        {errorBox}
        {/* why: on phones the main action sits at the bottom, within thumb reach. */}
        <div className="fixed inset-x-0 bottom-0 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur dark:border-slate-800 dark:bg-slate-900/95">
          <div className="mx-auto flex max-w-2xl items-center gap-3">
            <span className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
              {asking.correct}/{asking.answered} right
            </span>
            <div className="ml-auto flex gap-2">
              {!finished && (
                <button type="button" className="btn btn-secondary px-3 text-sm" onClick={() => submit(true)} disabled={busy}>
                  Submit now
                </button>
              )}
              {asking.feedback === null ? (
                <button type="button" className="btn btn-primary px-6 py-3 text-lg" onClick={() => void check()} disabled={!canCheck || busy}>
                  Check
                </button>
              ) : finished ? (
                <button type="button" className="btn btn-primary px-6 py-3 text-lg" onClick={() => submit(false)} disabled={busy}>
                  Submit
                </button>
              ) : (
                <button type="button" className="btn btn-primary px-6 py-3 text-lg" onClick={goNext} autoFocus>
                  Next
                </button>
              )}
            </div>
          </div>
        </div>
      </div>
    );
  }

  const last = state.attempts[state.attempts.length - 1];
  const overdue = new Date(a.dueAt).getTime() < Date.now();
  return (
    <div className="mx-auto flex w-full max-w-2xl flex-col gap-4">
      <Link href={`/classes/${a.classId}`} className="text-sm text-slate-600 hover:underline dark:text-slate-400">
        ← {a.className}
      </Link>
      <div className="card flex flex-col gap-3">
        <div className="flex items-start justify-between gap-3">
          <h1 className="text-2xl font-bold">{a.title}</h1>
          <StatusBadge status={state.status} />
        </div>
        <p className={overdue ? 'font-semibold text-orange-700 dark:text-orange-300' : 'text-slate-600 dark:text-slate-400'}>
          {overdue ? 'Was due' : 'Due'} <LocalTime iso={a.dueAt} />
        </p>
        <p className="text-slate-600 dark:text-slate-400">
          {a.questionCount} questions · scored on accuracy, no timer · {state.attempts.length} of {a.attemptsAllowed}{' '}
          {a.attemptsAllowed === 1 ? 'attempt' : 'attempts'} used
        </p>
        {last && (
          <div className="rounded-xl bg-brand-50 p-4 text-center dark:bg-brand-900/40" data-testid="attempt-summary">
            <p className="text-sm font-medium">Attempt {last.number} score</p>
            <p className="text-4xl font-extrabold">
              {last.correctCount}/{last.total}
            </p>
            <p className="text-sm">
              {Math.round((last.correctCount / Math.max(1, last.total)) * 100)}% correct{last.late ? ' · submitted late' : ''}
            </p>
          </div>
        )}
        {state.current && !state.current.question && (
          <div className="flex flex-col gap-2">
            <p>
              All {a.questionCount} questions answered ({state.current.correctCount} right). Submit to finish.
            </p>
            <button type="button" className="btn btn-primary py-3 text-lg" onClick={() => submit(false)} disabled={busy}>
              Submit
            </button>
          </div>
        )}
        {state.canStart ? (
          <button type="button" className="btn btn-primary py-3 text-lg" onClick={start} disabled={busy}>
            {state.attempts.length === 0 ? 'Start' : `Start attempt ${state.attempts.length + 1}`}
          </button>
        ) : (
          !state.archived &&
          state.attempts.length >= a.attemptsAllowed && <p className="text-sm text-slate-600 dark:text-slate-400">You have used every attempt.</p>
        )}
        {overdue && state.canStart && <p className="text-sm text-slate-600 dark:text-slate-400">You can still submit; it will be marked late.</p>}
        {state.archived && <p className="text-sm">This class is archived; the assignment is closed.</p>}
        {errorBox}
      </div>
      {state.lastReview && <AttemptReview items={state.lastReview} />}
    </div>
  );
}

function askingFrom(s: TakeStateJson): Asking | null {
  if (!s.current) return null;
  const total = s.assignment.questionCount;
  // Every question answered but not submitted: the intro shows the submit step.
  if (!s.current.question) return null;
  return { question: s.current.question, answered: s.current.answeredCount, correct: s.current.correctCount, total, feedback: null, next: null };
}

'use client';
import type { HostView, RevealInfo } from '@/core/game/view-types';
import { AnswerChart } from './answer-chart';
import { OptionGrid } from './option-grid';

type Question = NonNullable<HostView['question']>;

/** Projector after a question closes: the answer, how the room voted, the explanation. */
export function HostReveal({ q, reveal, busy, onNext }: { q: Question; reveal: RevealInfo; busy: boolean; onNext: () => void }) {
  const correct = reveal.correct ?? [];
  const pct = reveal.answeredCount > 0 ? Math.round((reveal.correctCount / Math.max(1, q.playerCount)) * 100) : 0;
  return (
    <div className="flex flex-1 flex-col gap-6 p-8">
      <div className="flex items-center justify-between text-2xl font-bold">
        <span>
          Question {q.index + 1} of {q.total}
        </span>
        <span data-testid="reveal-summary">
          {reveal.correctCount} of {q.playerCount} correct ({pct}%)
        </span>
      </div>
      <h1 className="rounded-2xl bg-white px-8 py-6 text-center text-4xl font-black leading-tight text-slate-900">{q.prompt}</h1>
      {q.options && reveal.optionCounts ? (
        <>
          <AnswerChart counts={reveal.optionCounts} correct={correct} options={q.options} />
          <OptionGrid options={q.options} variant="projector" correct={correct} />
        </>
      ) : (
        <div className="rounded-2xl bg-green-700 p-8 text-center">
          <p className="text-2xl">Answer</p>
          <p className="text-5xl font-black" data-testid="reveal-answer">
            {reveal.answerText}
          </p>
          {reveal.accepted && reveal.accepted.length > 0 && <p className="mt-2 text-2xl">Also accepted: {reveal.accepted.join(' · ')}</p>}
        </div>
      )}
      {reveal.explanation && (
        <p className="rounded-2xl bg-white/10 p-6 text-2xl leading-snug" data-testid="reveal-explanation">
          <span className="font-bold">Why: </span>
          {reveal.explanation}
        </p>
      )}
      <div className="flex justify-end">
        <button type="button" className="btn h-16 bg-white px-10 text-2xl font-black text-indigo-900 hover:bg-indigo-50" onClick={onNext} disabled={busy}>
          Leaderboard ▶
        </button>
      </div>
    </div>
  );
}

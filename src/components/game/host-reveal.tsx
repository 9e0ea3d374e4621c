'use client';
import { useEffect } from 'react';
import type { HostView, RevealInfo } from '@/core/game/view-types';
import { AnswerChart } from './answer-chart';
import { OptionGrid } from './option-grid';
import { ProjectorFrame } from './projector-frame';
import { sounds } from './sound';
import { SoundToggle } from './sound-toggle';

type Question = NonNullable<HostView['question']>;

/** Projector after a question closes: how the room voted, the answer, the explanation, and Next. */
export function HostReveal({ q, reveal, busy, onNext }: { q: Question; reveal: RevealInfo; busy: boolean; onNext: () => void }) {
  const correct = reveal.correct ?? [];
  const pct = reveal.answeredCount > 0 ? Math.round((reveal.correctCount / Math.max(1, q.playerCount)) * 100) : 0;
  useEffect(() => sounds.reveal(), [q.index]);
  const answer = q.options ? correct.map((i) => q.options![i]).join(' · ') : reveal.answerText;
  return (
    <ProjectorFrame>
      <div className="flex flex-1 flex-col gap-[1.5vmin] p-[2.5vmin]">
        <div className="pj-sm flex items-center justify-between gap-4 font-bold">
          <span>
            Question {q.index + 1} of {q.total}
          </span>
          <span data-testid="reveal-summary" className="pj-md rounded-full bg-white/15 px-[0.8em] py-[0.1em]">
            {reveal.correctCount} of {q.playerCount} correct ({pct}%)
          </span>
        </div>
        <p className="sr-only" role="status">
          Answer: {answer}. {reveal.correctCount} of {q.playerCount} players correct.
        </p>
        <h1 className={`${q.prompt.length > 110 ? 'pj-sm' : 'pj-md'} shrink-0 rounded-2xl bg-white px-[1em] py-[0.5em] text-center font-black text-slate-900`}>{q.prompt}</h1>
        {q.options && reveal.optionCounts ? (
          <div className="flex flex-1 gap-[2.5vmin]">
            <AnswerChart counts={reveal.optionCounts} correct={correct} options={q.options} />
            {reveal.explanation && <Explanation text={reveal.explanation} />}
          </div>
        ) : (
          <div className="flex flex-1 gap-[2.5vmin]">
            <div className="flex flex-1 flex-col items-center justify-center rounded-2xl bg-green-700 p-[2vmin] text-center">
              <p className="pj-md">Answer</p>
              <p className="pj-xl font-black" data-testid="reveal-answer">
                {reveal.answerText}
              </p>
              {reveal.accepted && reveal.accepted.length > 0 && <p className="pj-sm mt-2">Also accepted: {reveal.accepted.join(' · ')}</p>}
            </div>
            {reveal.explanation && <Explanation text={reveal.explanation} />}
          </div>
        )}
        {q.options && reveal.optionCounts && (
          <div className="flex shrink-0 flex-col">
            <OptionGrid options={q.options} variant="projector" correct={correct} />
          </div>
        )}
        <div className="flex shrink-0 items-center justify-between gap-4">
          <SoundToggle />
          <button
            type="button"
            className="btn pj-lg bg-white px-[1.2em] py-[0.35em] font-black text-indigo-900 hover:bg-indigo-50"
            onClick={onNext}
            disabled={busy}
          >
            Leaderboard ▶
          </button>
        </div>
      </div>
    </ProjectorFrame>
  );
}

function Explanation({ text }: { text: string }) {
  return (
    <p className="pj-sm w-[38%] shrink-0 self-center rounded-2xl bg-white/10 p-[1.2em]" data-testid="reveal-explanation">
      <span className="font-bold">Why: </span>
      {text}
    </p>
  );
}

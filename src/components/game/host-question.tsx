'use client';
import type { HostView } from '@/core/game/view-types';
import type { ServerClock } from '@/lib/game-socket';
import { Countdown } from './countdown';
import { OptionGrid } from './option-grid';

type Question = NonNullable<HostView['question']>;

/** Projector during an open question: prompt, timer, answered count, tiles. */
export function HostQuestion({ q, clock, busy, onEnd }: { q: Question; clock: ServerClock; busy: boolean; onEnd: () => void }) {
  return (
    <div className="flex flex-1 flex-col gap-6 p-8">
      <div className="flex items-center justify-between text-2xl font-bold">
        <span data-testid="question-number">
          Question {q.index + 1} of {q.total}
        </span>
        <span className="rounded-full bg-white/15 px-4 py-1 text-xl uppercase tracking-wide">{kindLabel(q.kind)}</span>
      </div>
      <h1 className="rounded-2xl bg-white px-8 py-8 text-center text-5xl font-black leading-tight text-slate-900" data-testid="question-prompt">
        {q.prompt}
      </h1>
      <div className="flex items-center justify-between gap-6">
        <Countdown deadline={q.deadline} totalMs={q.timeLimitMs} clock={clock} />
        <div className="text-center" aria-live="polite">
          <p className="text-7xl font-black tabular-nums" data-testid="answered-count">
            {q.answeredCount}
          </p>
          <p className="text-2xl">of {q.playerCount} answered</p>
        </div>
        <button type="button" className="btn bg-white/15 px-6 py-4 text-2xl text-white hover:bg-white/25" onClick={onEnd} disabled={busy}>
          End question
        </button>
      </div>
      {q.options ? (
        <OptionGrid options={q.options} variant="projector" />
      ) : (
        <p className="rounded-2xl bg-white/10 p-10 text-center text-4xl font-bold">Type your answer on your device</p>
      )}
    </div>
  );
}

export function kindLabel(kind: string): string {
  switch (kind) {
    case 'mcq':
      return 'Pick one';
    case 'multi':
      return 'Pick all that apply';
    case 'tf':
      return 'True or false';
    case 'type':
      return 'Type the answer';
    default:
      return kind;
  }
}

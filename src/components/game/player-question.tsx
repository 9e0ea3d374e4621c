'use client';
import { useState } from 'react';
import type { Choice } from '@/core/game/types';
import type { PublicQuestion } from '@/core/game/view-types';
import type { ServerClock } from '@/lib/game-socket';
import { Countdown } from './countdown';
import { LockIcon } from './icons';
import { kindLabel } from './host-question';
import { OptionGrid } from './option-grid';

interface Props {
  q: PublicQuestion;
  clock: ServerClock;
  /** Sent (or acknowledged) for this question: show the locked-in screen. */
  lockedIn: boolean;
  sending: boolean;
  error: string | null;
  onAnswer: (choice: Choice) => void;
}

/** The phone during a question: big tiles (tap = answer), multi-select with Submit, or a text box. */
export function PlayerQuestion({ q, clock, lockedIn, sending, error, onAnswer }: Props) {
  const [picked, setPicked] = useState<number[]>([]);
  const [typed, setTyped] = useState('');

  if (lockedIn) {
    return (
      <div className="flex flex-1 flex-col items-center justify-center gap-6 p-6 text-center" data-testid="locked-in">
        <LockIcon className="h-20 w-20" />
        <h1 className="text-3xl font-black">Answer locked in</h1>
        <p className="text-lg opacity-90">Waiting for the others…</p>
        <Countdown deadline={q.deadline} totalMs={q.timeLimitMs} clock={clock} size="sm" />
      </div>
    );
  }

  return (
    <div className="flex flex-1 flex-col gap-4 p-4">
      <div className="flex items-center justify-between gap-3">
        <div>
          <p className="text-sm font-semibold opacity-90">
            Question {q.index + 1} of {q.total}
          </p>
          <p className="text-sm uppercase tracking-wide opacity-80">{kindLabel(q.kind)}</p>
        </div>
        <Countdown deadline={q.deadline} totalMs={q.timeLimitMs} clock={clock} size="sm" />
      </div>
      <h1 className="rounded-xl bg-white p-4 text-xl font-bold leading-snug text-slate-900" data-testid="question-prompt">
        {q.prompt}
      </h1>
      {error && (
        <p role="alert" className="rounded-lg bg-red-100 px-3 py-2 font-semibold text-red-800">
          {error}
        </p>
      )}
      {q.kind === 'type' ? (
        <form
          className="flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            const text = typed.trim();
            if (text) onAnswer(text.slice(0, 200));
          }}
        >
          <label htmlFor="typed-answer" className="font-semibold">
            Your answer
          </label>
          <input
            id="typed-answer"
            className="field h-14 text-xl"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            maxLength={200}
            autoComplete="off"
            autoCapitalize="off"
            autoFocus
          />
          <button type="submit" className="btn h-14 bg-white text-xl font-black text-indigo-900" disabled={sending || !typed.trim()}>
            Submit
          </button>
        </form>
      ) : q.kind === 'multi' ? (
        <>
          <OptionGrid
            options={q.options ?? []}
            variant="phone"
            multi
            selected={picked}
            disabled={sending}
            onPick={(i) => setPicked((p) => (p.includes(i) ? p.filter((x) => x !== i) : [...p, i].sort((a, b) => a - b)))}
          />
          <button
            type="button"
            className="btn h-14 bg-white text-xl font-black text-indigo-900"
            disabled={sending || picked.length === 0}
            onClick={() => onAnswer(picked)}
          >
            Submit {picked.length > 0 ? `(${picked.length})` : ''}
          </button>
        </>
      ) : (
        <OptionGrid options={q.options ?? []} variant="phone" disabled={sending} onPick={(i) => onAnswer([i])} />
      )}
    </div>
  );
}

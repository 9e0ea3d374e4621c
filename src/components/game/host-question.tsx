'use client';
import type { HostView } from '@/core/game/view-types';
import type { ServerClock } from '@/lib/game-socket';
import { Countdown } from './countdown';
import { GetReadyOverlay, useGetReady } from './get-ready';
import { OptionGrid } from './option-grid';
import { ProjectorFrame } from './projector-frame';
import { SoundToggle } from './sound-toggle';

type Question = NonNullable<HostView['question']>;

/** Projector during an open question: prompt, timer, answered count, tiles (after a 3-2-1). */
export function HostQuestion({ q, clock, busy, onEnd }: { q: Question; clock: ServerClock; busy: boolean; onEnd: () => void }) {
  const ready = useGetReady(q.deadline, q.timeLimitMs, clock);
  return (
    <ProjectorFrame>
      <div className="flex flex-1 flex-col gap-[1.8vmin] p-[2.5vmin]">
        <div className="pj-sm flex items-center justify-between gap-4 font-bold">
          <span data-testid="question-number">
            Question {q.index + 1} of {q.total}
          </span>
          <span className="rounded-full bg-white/15 px-[0.8em] py-[0.2em] uppercase tracking-wide">{kindLabel(q.kind)}</span>
        </div>
        <h1
          className={`${promptSize(q.prompt)} shrink-0 rounded-2xl bg-white px-[1em] py-[0.6em] text-center font-black text-slate-900`}
          data-testid="question-prompt"
        >
          {q.prompt}
        </h1>
        <div className="flex shrink-0 items-center justify-between gap-[2vmin]">
          <Countdown deadline={q.deadline} totalMs={q.timeLimitMs} clock={clock} />
          <div className="text-center">
            <p className="pj-num font-black tabular-nums" data-testid="answered-count">
              {q.answeredCount}
            </p>
            <p className="pj-sm">of {q.playerCount} answered</p>
          </div>
          <div className="flex items-center gap-[1vmin]">
            <SoundToggle />
            <button type="button" className="btn pj-md bg-white/15 px-[0.9em] py-[0.5em] text-white hover:bg-white/25" onClick={onEnd} disabled={busy}>
              End question
            </button>
          </div>
        </div>
        <div className="relative flex flex-1 flex-col">
          {q.options ? (
            <OptionGrid options={q.options} variant="projector" />
          ) : (
            <p className="pj-lg flex flex-1 items-center justify-center rounded-2xl bg-white/10 p-[1em] text-center font-bold">
              Type your answer on your device
            </p>
          )}
          <GetReadyOverlay left={ready} questionNumber={q.index + 1} />
        </div>
      </div>
    </ProjectorFrame>
  );
}

/** Long prompts start smaller, so the tiles keep their room before the frame has to shrink anything. */
export function promptSize(prompt: string): string {
  return prompt.length > 220 ? 'pj-md' : prompt.length > 110 ? 'pj-prompt' : 'pj-lg';
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

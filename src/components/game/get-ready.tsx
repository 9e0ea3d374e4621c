'use client';
import { useEffect, useRef, useState } from 'react';
import type { ServerClock } from '@/lib/game-socket';
import { sounds } from './sound';

/**
 * The projector's 3-2-1 "get ready" over the first seconds of a question. why: the server opens a
 * question at once (its timing is the game's rule); the projector derives the count from the
 * question's own timing (deadline − time limit = opened), so a refresh mid-question shows none,
 * and a short question gets a shorter count (never more than a quarter of its time).
 */
export function readySeconds(timeLimitMs: number): number {
  return Math.max(0, Math.min(3, Math.floor(timeLimitMs / 4000)));
}

/** 3, 2, 1 while the count runs, then 0; also plays the count and the last-seconds ticks when sound is on. */
export function useGetReady(deadline: number, timeLimitMs: number, clock: ServerClock): number {
  const readyMs = readySeconds(timeLimitMs) * 1000;
  const readyEnd = deadline - timeLimitMs + readyMs;
  const step = () => Math.max(0, Math.ceil((readyEnd - clock.now()) / 1000));
  const [left, setLeft] = useState(step);
  const last = useRef<{ ready: number; secs: number } | null>(null);
  useEffect(() => {
    last.current = null;
    const tick = () => {
      const ready = step();
      const secs = Math.ceil(clock.remaining(deadline) / 1000);
      const prev = last.current;
      if (prev) {
        if (ready !== prev.ready) ready > 0 ? sounds.ready() : sounds.go();
        else if (ready === 0 && secs !== prev.secs && secs > 0 && secs <= 5) sounds.tick();
      } else if (ready > 0) sounds.ready();
      last.current = { ready, secs };
      setLeft(ready);
    };
    tick();
    const id = window.setInterval(tick, 100);
    return () => window.clearInterval(id);
  }, [deadline, timeLimitMs, clock]); // eslint-disable-line react-hooks/exhaustive-deps
  return left;
}

/** The big number over the answer tiles while the count runs. */
export function GetReadyOverlay({ left, questionNumber }: { left: number; questionNumber: number }) {
  if (left <= 0) return null;
  return (
    <div className="absolute inset-0 z-10 flex flex-col items-center justify-center gap-[2vmin] rounded-2xl bg-indigo-950" data-testid="get-ready">
      <p className="pj-xl font-black">Get ready!</p>
      <p
        key={left}
        className="pj-anim-pop flex aspect-square h-[calc(var(--fit,1)*min(26vh,18vw))] items-center justify-center rounded-full bg-white font-black text-indigo-900 tabular-nums [font-size:calc(var(--fit,1)*min(16vh,11vw))]"
        aria-hidden="true"
      >
        {left}
      </p>
      <p className="sr-only" role="status">
        Get ready for question {questionNumber}
      </p>
    </div>
  );
}

'use client';
import { useEffect, useState } from 'react';
import type { ServerClock } from '@/lib/game-socket';

/** Seconds at which a screen reader hears how long is left (not every second: that would drown the question). */
const ANNOUNCE_AT = [30, 20, 10, 5, 3];

/**
 * Seconds left on the open question, counted on the server's clock (see ServerClock) so a
 * device whose own clock is wrong still shows the right time.
 */
export function Countdown({
  deadline,
  totalMs,
  clock,
  size = 'lg',
}: {
  deadline: number;
  totalMs: number;
  clock: ServerClock;
  size?: 'sm' | 'lg';
}) {
  const [left, setLeft] = useState(() => clock.remaining(deadline));
  useEffect(() => {
    const tick = () => setLeft(clock.remaining(deadline));
    tick();
    const id = window.setInterval(tick, 200);
    return () => window.clearInterval(id);
  }, [deadline, clock]);

  const seconds = Math.ceil(left / 1000);
  const [announced, setAnnounced] = useState('');
  useEffect(() => {
    if (seconds <= 0) setAnnounced("Time's up");
    else if (ANNOUNCE_AT.includes(seconds)) setAnnounced(`${seconds} seconds left`);
  }, [seconds]);

  const fraction = totalMs > 0 ? Math.min(1, left / totalMs) : 0;
  const dim = 128;
  const stroke = size === 'lg' ? 10 : 11;
  const r = (dim - stroke) / 2;
  const circumference = 2 * Math.PI * r;
  const urgent = seconds <= 5;
  return (
    <div
      className={`relative inline-flex shrink-0 items-center justify-center ${
        size === 'lg' ? 'h-[calc(var(--fit,1)*clamp(4.5rem,min(10vw,15vh),9rem))]' : 'h-14'
      } aspect-square`}
      data-testid="countdown"
    >
      <div role="timer" aria-label={`${seconds} seconds left`} className="absolute inset-0">
        <svg viewBox={`0 0 ${dim} ${dim}`} className="h-full w-full -rotate-90" aria-hidden="true">
          <circle cx={dim / 2} cy={dim / 2} r={r} fill="none" strokeWidth={stroke} className="stroke-white/25" />
          <circle
            cx={dim / 2}
            cy={dim / 2}
            r={r}
            fill="none"
            strokeWidth={stroke}
            strokeLinecap="round"
            strokeDasharray={circumference}
            strokeDashoffset={circumference * (1 - fraction)}
            className={`transition-[stroke-dashoffset] duration-200 ease-linear motion-reduce:transition-none ${urgent ? 'stroke-red-400' : 'stroke-white'}`}
          />
        </svg>
      </div>
      <span
        className={`absolute font-black tabular-nums ${size === 'lg' ? 'text-[calc(var(--fit,1)*clamp(1.4rem,min(3.2vw,4.8vh),2.9rem))]' : 'text-xl'} ${urgent ? 'text-red-200' : ''}`}
        aria-hidden="true"
      >
        {seconds}
      </span>
      <span className="sr-only" aria-live="polite" aria-atomic="true" data-testid="countdown-announcement">
        {announced}
      </span>
    </div>
  );
}

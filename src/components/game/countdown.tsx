'use client';
import { useEffect, useState } from 'react';
import type { ServerClock } from '@/lib/game-socket';

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
  const fraction = totalMs > 0 ? Math.min(1, left / totalMs) : 0;
  const dim = size === 'lg' ? 128 : 56;
  const stroke = size === 'lg' ? 10 : 5;
  const r = (dim - stroke) / 2;
  const circumference = 2 * Math.PI * r;
  const urgent = seconds <= 5;
  return (
    <div
      className="relative inline-flex shrink-0 items-center justify-center"
      style={{ width: dim, height: dim }}
      role="timer"
      aria-label={`${seconds} seconds left`}
      data-testid="countdown"
    >
      <svg width={dim} height={dim} className="-rotate-90" aria-hidden="true">
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
          className={urgent ? 'stroke-red-400' : 'stroke-white'}
          style={{ transition: 'stroke-dashoffset 200ms linear' }}
        />
      </svg>
      <span
        className={`absolute font-black tabular-nums ${size === 'lg' ? 'text-5xl' : 'text-xl'} ${urgent ? 'text-red-200' : ''}`}
        aria-hidden="true"
      >
        {seconds}
      </span>
    </div>
  );
}

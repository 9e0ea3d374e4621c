import type { LeaderboardEntry } from '@/core/game/view-types';

const PLACES = [
  // why: the winner's column rises last, after 3rd and 2nd, like a real prize-giving.
  { label: '1st', height: 'h-[calc(var(--fit,1)*30vh)]', compactHeight: 'h-32', bg: 'bg-amber-400 text-amber-950', delay: 'pj-delay-5', nameDelay: 'pj-delay-6' },
  { label: '2nd', height: 'h-[calc(var(--fit,1)*22vh)]', compactHeight: 'h-24', bg: 'bg-slate-300 text-slate-900', delay: 'pj-delay-3', nameDelay: 'pj-delay-4' },
  { label: '3rd', height: 'h-[calc(var(--fit,1)*16vh)]', compactHeight: 'h-20', bg: 'bg-orange-400 text-orange-950', delay: 'pj-delay-1', nameDelay: 'pj-delay-2' },
];

const ORDER = ['order-2', 'order-1', 'order-3'];

/** 2nd – 1st – 3rd, the classic podium, rising one by one (unless reduced motion is asked for). `compact` for phones. */
export function Podium({ top, compact = false }: { top: LeaderboardEntry[]; compact?: boolean }) {
  // why: reading order is 1st, 2nd, 3rd; CSS order draws the winner in the middle.
  const order = [0, 1, 2].filter((i) => top[i]);
  return (
    <ol className="flex w-full items-end justify-center gap-3" aria-label="Podium" data-testid="podium">
      {order.map((i) => {
        const e = top[i]!;
        const place = PLACES[i]!;
        return (
          <li key={i} className={`flex min-w-0 flex-col items-center ${compact ? 'w-28' : 'w-[min(18rem,26vw)]'} ${ORDER[i]}`}>
            <span
              className={`mb-2 max-w-full font-black ${compact ? 'truncate text-lg' : `pj-lg pj-anim-pop text-center [overflow-wrap:anywhere] ${place.nameDelay}`}`}
              data-testid={`podium-${i + 1}`}
            >
              {e.nickname}
            </span>
            <span className={`mb-3 tabular-nums opacity-90 ${compact ? 'text-sm' : `pj-md pj-anim-pop ${place.nameDelay}`}`}>
              {e.score.toLocaleString('en-US')} pts
            </span>
            <div
              className={`flex w-full flex-col items-center justify-start rounded-t-xl pt-[0.3em] ${place.bg} ${
                compact ? place.compactHeight : `${place.height} pj-anim-rise ${place.delay}`
              }`}
            >
              <span className={`font-black ${compact ? 'text-2xl' : 'pj-xl'}`}>{e.rank === i + 1 ? place.label : ordinal(e.rank)}</span>
            </div>
          </li>
        );
      })}
    </ol>
  );
}

export function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

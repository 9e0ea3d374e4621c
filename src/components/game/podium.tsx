import type { LeaderboardEntry } from '@/core/game/view-types';

const PLACES = [
  { label: '1st', height: 'h-64', compactHeight: 'h-32', bg: 'bg-amber-400 text-amber-950' },
  { label: '2nd', height: 'h-48', compactHeight: 'h-24', bg: 'bg-slate-300 text-slate-900' },
  { label: '3rd', height: 'h-36', compactHeight: 'h-20', bg: 'bg-orange-400 text-orange-950' },
];

/** 2nd – 1st – 3rd, the classic podium. `compact` for phones. */
export function Podium({ top, compact = false }: { top: LeaderboardEntry[]; compact?: boolean }) {
  // why: reading order is 1st, 2nd, 3rd; CSS order draws the winner in the middle.
  const order = [0, 1, 2].filter((i) => top[i]);
  return (
    <ol className="flex w-full items-end justify-center gap-3" aria-label="Podium" data-testid="podium">
      {order.map((i) => {
        const e = top[i]!;
        const place = PLACES[i]!;
        return (
          <li key={i} className={`flex flex-col items-center ${compact ? 'w-28' : 'w-72'}`} style={{ order: i === 0 ? 2 : i === 1 ? 1 : 3 }}>
            <span className={`mb-2 max-w-full truncate font-black ${compact ? 'text-lg' : 'text-4xl'}`} data-testid={`podium-${i + 1}`}>
              {e.nickname}
            </span>
            <span className={`mb-3 tabular-nums opacity-90 ${compact ? 'text-sm' : 'text-2xl'}`}>{e.score.toLocaleString('en-US')} pts</span>
            <div
              className={`flex w-full flex-col items-center justify-start rounded-t-xl pt-4 ${place.bg} ${compact ? place.compactHeight : place.height}`}
            >
              <span className={`font-black ${compact ? 'text-2xl' : 'text-6xl'}`}>
                {e.rank === i + 1 ? place.label : ordinal(e.rank)}
              </span>
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

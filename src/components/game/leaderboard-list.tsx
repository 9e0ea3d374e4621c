import type { LeaderboardEntry } from '@/core/game/view-types';

/** Ranked rows: rank, nickname (as text), score. The viewer's own row is highlighted. */
export function LeaderboardList({ entries, big = false }: { entries: Array<LeaderboardEntry & { late?: boolean }>; big?: boolean }) {
  if (entries.length === 0) return <p className="text-center opacity-80">No players yet.</p>;
  return (
    <ol className={`flex w-full flex-col ${big ? 'gap-3' : 'gap-2'}`} aria-label="Leaderboard" data-testid="leaderboard">
      {entries.map((e) => (
        <li
          key={`${e.rank}-${e.nickname}`}
          className={`flex items-center gap-4 rounded-xl px-5 ${big ? 'py-4 text-4xl' : 'py-3 text-lg'} font-bold ${
            e.isMe ? 'bg-white text-slate-900' : 'bg-white/15'
          }`}
        >
          <span className={`tabular-nums ${big ? 'w-16' : 'w-8'} text-right opacity-80`}>{e.rank}</span>
          <span className="min-w-0 flex-1 truncate">
            {e.nickname}
            {e.isMe && <span className="sr-only"> (you)</span>}
            {e.late && (
              <span className="ml-3 rounded-full bg-amber-300 px-2 py-0.5 align-middle text-[0.5em] font-bold uppercase text-slate-900" title="Joined after the game started">
                late
              </span>
            )}
          </span>
          <span className="tabular-nums">{e.score.toLocaleString('en-US')}</span>
        </li>
      ))}
    </ol>
  );
}

import type { LeaderboardEntry } from '@/core/game/view-types';

const DELAY = ['', 'pj-delay-1', 'pj-delay-2', 'pj-delay-3', 'pj-delay-4'];

/**
 * Ranked rows: rank, nickname (as text), score. The viewer's own row is highlighted (and named
 * "you" for screen readers). `big` is the projector's: rows slide in one after another and a bar
 * shows each score against the leader's (still when reduced motion is asked for).
 */
export function LeaderboardList({ entries, big = false }: { entries: Array<LeaderboardEntry & { late?: boolean }>; big?: boolean }) {
  if (entries.length === 0) return <p className="text-center opacity-80">No players yet.</p>;
  const lead = Math.max(1, entries[0]?.score ?? 1);
  return (
    <ol className={`flex w-full flex-col ${big ? 'gap-[1.2vmin]' : 'gap-2'}`} aria-label="Leaderboard" data-testid="leaderboard">
      {entries.map((e, i) => (
        <li
          key={`${e.rank}-${e.nickname}`}
          className={`relative flex items-center overflow-hidden rounded-xl font-bold ${
            big ? `pj-lg pj-anim-slide ${DELAY[i] ?? ''} gap-[0.6em] px-[0.7em] py-[0.35em]` : 'gap-4 px-5 py-3 text-lg'
          } ${e.isMe ? 'bg-white text-slate-900' : 'bg-white/15'}`}
        >
          {big && (
            <span
              aria-hidden="true"
              className={`pj-anim-grow-x ${DELAY[i] ?? ''} absolute inset-y-0 left-0 bg-white/10 ${SCORE_WIDTH[Math.round((e.score / lead) * 10)]}`}
            />
          )}
          <span className={`relative tabular-nums ${big ? 'w-[2.2em]' : 'w-8'} text-right opacity-80`}>{e.rank}</span>
          <span className="relative min-w-0 flex-1 truncate">
            {e.nickname}
            {e.isMe && <span className="sr-only"> (you)</span>}
            {e.late && (
              <span className="ml-3 rounded-full bg-amber-300 px-2 py-0.5 align-middle text-[0.5em] font-bold uppercase text-slate-900" title="Joined after the game started">
                late
              </span>
            )}
          </span>
          <span className="relative tabular-nums">{e.score.toLocaleString('en-US')}</span>
        </li>
      ))}
    </ol>
  );
}

// why: classes, not a style attribute, so the list renders under a strict Content-Security-Policy.
const SCORE_WIDTH = ['w-0', 'w-[10%]', 'w-[20%]', 'w-[30%]', 'w-[40%]', 'w-[50%]', 'w-[60%]', 'w-[70%]', 'w-[80%]', 'w-[90%]', 'w-full'];

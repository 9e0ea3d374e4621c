'use client';
import Link from 'next/link';
import type { HostView } from '@/core/game/view-types';
import { TrophyIcon } from './icons';
import { LeaderboardList } from './leaderboard-list';
import { Podium } from './podium';

/** Top 5 after a question; Next opens the following question (or the podium after the last). */
export function HostLeaderboard({ view, busy, onNext }: { view: HostView; busy: boolean; onNext: () => void }) {
  const top = (view.leaderboard ?? []).slice(0, 5);
  const last = view.question ? view.question.index + 1 >= view.question.total : false;
  return (
    <div className="mx-auto flex w-full max-w-5xl flex-1 flex-col gap-8 p-8">
      <h1 className="text-center text-6xl font-black">Leaderboard</h1>
      <LeaderboardList entries={top} big />
      <div className="flex justify-end">
        <button type="button" className="btn h-16 bg-white px-10 text-2xl font-black text-indigo-900 hover:bg-indigo-50" onClick={onNext} disabled={busy}>
          {last ? 'Podium ▶' : 'Next question ▶'}
        </button>
      </div>
    </div>
  );
}

/** The end: podium for the top three, then the way to the report. */
export function HostPodium({ view, onClose, busy }: { view: HostView; onClose: () => void; busy: boolean }) {
  const top = view.podium ?? [];
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-10 p-8">
      <h1 className="flex items-center gap-4 text-6xl font-black">
        <TrophyIcon className="h-16 w-16 text-amber-300" /> Podium
      </h1>
      {top.length > 0 ? <Podium top={top} /> : <p className="text-3xl">Nobody scored in this game.</p>}
      <p className="text-2xl">
        {view.playerCount} {view.playerCount === 1 ? 'player' : 'players'} · {view.summary.length} questions
      </p>
      <div className="flex flex-wrap gap-4">
        <Link href={`/host/history/${view.gameId}`} className="btn bg-white px-8 py-4 text-2xl font-black text-indigo-900 hover:bg-indigo-50">
          See the report
        </Link>
        <Link href="/host" className="btn bg-white/15 px-8 py-4 text-2xl text-white hover:bg-white/25">
          Host another game
        </Link>
        <button type="button" onClick={onClose} disabled={busy} className="btn bg-white/15 px-8 py-4 text-2xl text-white hover:bg-white/25">
          Close the room
        </button>
      </div>
      <p className="text-lg text-white/80">Closing sends the players home and frees the PIN; the report stays.</p>
    </div>
  );
}

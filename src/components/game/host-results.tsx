'use client';
import Link from 'next/link';
import { useEffect } from 'react';
import type { HostView } from '@/core/game/view-types';
import { TrophyIcon } from './icons';
import { LeaderboardList } from './leaderboard-list';
import { Podium } from './podium';
import { ProjectorFrame } from './projector-frame';
import { sounds } from './sound';
import { SoundToggle } from './sound-toggle';

/** Top 5 after a question; Next opens the following question (or the podium after the last). */
export function HostLeaderboard({ view, busy, onNext }: { view: HostView; busy: boolean; onNext: () => void }) {
  const top = (view.leaderboard ?? []).slice(0, 5);
  const last = view.question ? view.question.index + 1 >= view.question.total : false;
  return (
    <ProjectorFrame>
      <div className="mx-auto flex min-h-0 w-full max-w-[min(72rem,92vw)] flex-1 flex-col justify-center gap-[2.5vmin] p-[2.5vmin]">
        <h1 className="pj-xl text-center font-black">Leaderboard</h1>
        <LeaderboardList entries={top} big />
        <div className="flex items-center justify-between gap-4">
          <SoundToggle />
          <button
            type="button"
            className="btn pj-lg bg-white px-[1.2em] py-[0.35em] font-black text-indigo-900 hover:bg-indigo-50"
            onClick={onNext}
            disabled={busy}
          >
            {last ? 'Podium ▶' : 'Next question ▶'}
          </button>
        </div>
      </div>
    </ProjectorFrame>
  );
}

/** The end: podium for the top three, then the way to the report. */
export function HostPodium({ view, onClose, busy }: { view: HostView; onClose: () => void; busy: boolean }) {
  const top = view.podium ?? [];
  useEffect(() => sounds.fanfare(), []);
  return (
    <ProjectorFrame>
      <div className="flex min-h-0 flex-1 flex-col items-center justify-center gap-[2.5vmin] p-[2.5vmin]">
        <h1 className="pj-xl flex items-center gap-[0.3em] font-black">
          <TrophyIcon className="h-[1em] w-[1em] text-amber-300" /> Podium
        </h1>
        {top.length > 0 ? <Podium top={top} /> : <p className="pj-lg">Nobody scored in this game.</p>}
        <p className="pj-md">
          {view.playerCount} {view.playerCount === 1 ? 'player' : 'players'} · {view.summary.length} questions
        </p>
        <div className="flex flex-wrap items-center justify-center gap-[1.5vmin]">
          <Link
            href={`/host/history/${view.gameId}`}
            className="btn pj-md bg-white px-[1.1em] py-[0.5em] font-black text-indigo-900 hover:bg-indigo-50"
          >
            See the report
          </Link>
          <Link href="/host" className="btn pj-md bg-white/15 px-[1.1em] py-[0.5em] text-white hover:bg-white/25">
            Host another game
          </Link>
          <button
            type="button"
            onClick={onClose}
            disabled={busy}
            className="btn pj-md bg-white/15 px-[1.1em] py-[0.5em] text-white hover:bg-white/25"
          >
            Close the room
          </button>
          <SoundToggle />
        </div>
        <p className="pj-sm text-white/80">Closing sends the players home and frees the PIN; the report stays.</p>
      </div>
    </ProjectorFrame>
  );
}

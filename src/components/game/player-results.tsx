'use client';
import type { PlayerView } from '@/core/game/view-types';
import { CheckCircleIcon, FlameIcon } from './icons';
import { LeaderboardList } from './leaderboard-list';
import { ordinal, Podium } from './podium';
import { ScoringRules } from './scoring-rules';

type Me = NonNullable<PlayerView['me']>;

export function PlayerLobby({ me }: { me: Me }) {
  return (
    <div className="mx-auto flex w-full max-w-md flex-1 flex-col items-center justify-center gap-6 p-6 text-center">
      <CheckCircleIcon className="h-20 w-20" />
      <h1 className="text-4xl font-black">You&apos;re in!</h1>
      <p className="text-xl">See your nickname on screen</p>
      <p className="max-w-full break-words rounded-xl bg-white px-6 py-3 text-3xl font-black text-slate-900" data-testid="my-nickname">
        {me.nickname}
      </p>
      <p className="opacity-90">The game starts when the host is ready.</p>
      <ScoringRules className="w-full" />
    </div>
  );
}

/** Right or wrong, points earned, streak, rank: the moment of truth after each question. */
export function PlayerReveal({ view }: { view: PlayerView }) {
  const r = view.reveal!;
  const me = view.me!;
  const q = view.question;
  const result = r.me;
  const tone = !result.answered ? 'bg-slate-600' : result.correct ? 'bg-green-700' : result.points > 0 ? 'bg-amber-700' : 'bg-red-700';
  const headline = !result.answered ? "Time's up" : result.correct ? 'Correct!' : result.points > 0 ? 'Partly right' : 'Wrong';
  const correctText =
    q?.options && r.correct ? r.correct.map((i) => q.options![i]).join(' · ') : r.answerText;
  const mine = view.myChoice;
  const myText =
    mine === null ? null : typeof mine === 'string' ? mine : mine.map((i) => q?.options?.[i] ?? `#${i + 1}`).join(' · ');
  return (
    <div className={`flex flex-1 flex-col items-center justify-center gap-5 p-6 text-center ${tone}`} data-testid="player-reveal">
      <p className="text-7xl font-black" aria-hidden="true">
        {!result.answered ? '…' : result.correct ? '✓' : result.points > 0 ? '½' : '✗'}
      </p>
      {/* why: the result replaces the question without moving focus; a screen reader hears it from here. */}
      <p className="sr-only" role="status" aria-live="polite" data-testid="reveal-announcement">
        {headline}. {result.points} points. Correct answer: {correctText}.
      </p>
      <h1 className="text-4xl font-black" data-testid="reveal-result">
        {headline}
      </h1>
      <p className="rounded-full bg-black/25 px-6 py-2 text-2xl font-black tabular-nums" data-testid="points-earned">
        +{result.points.toLocaleString('en-US')} points
      </p>
      {result.streakBonus > 0 && <p className="text-lg font-semibold">including a +{result.streakBonus} streak bonus</p>}
      {result.streak > 0 && (
        <p className="flex items-center gap-1 text-xl font-bold" data-testid="streak">
          <FlameIcon /> Answer streak: {result.streak}
        </p>
      )}
      <div className="w-full max-w-sm rounded-xl bg-black/20 p-4">
        <p className="text-sm uppercase tracking-wide opacity-90">Correct answer</p>
        <p className="text-xl font-bold">{correctText}</p>
        {myText !== null && !result.correct && (
          <p className="mt-2 text-sm">
            You answered: <span className="font-semibold">{myText}</span>
          </p>
        )}
        {r.explanation && <p className="mt-2 text-sm leading-snug opacity-95">{r.explanation}</p>}
      </div>
      <p className="text-xl">
        You&apos;re <b data-testid="my-rank">{ordinal(me.rank)}</b> with <b data-testid="my-score">{me.score.toLocaleString('en-US')}</b> points
      </p>
    </div>
  );
}

export function PlayerLeaderboard({ view }: { view: PlayerView }) {
  const me = view.me!;
  return (
    <div className="mx-auto flex w-full max-w-md flex-1 flex-col gap-5 p-5">
      <h1 className="text-center text-3xl font-black">Leaderboard</h1>
      <p className="text-center text-xl">
        You&apos;re <b data-testid="my-rank">{ordinal(me.rank)}</b> · <b data-testid="my-score">{me.score.toLocaleString('en-US')}</b> points
      </p>
      <LeaderboardList entries={view.leaderboard ?? []} />
      <p className="text-center opacity-90">Next question coming up…</p>
    </div>
  );
}

export function PlayerPodium({ view }: { view: PlayerView }) {
  const p = view.podium!;
  return (
    <div className="mx-auto flex w-full max-w-md flex-1 flex-col items-center justify-center gap-6 p-5 text-center">
      <h1 className="text-3xl font-black">Game over</h1>
      {p.me && (
        <p className="text-2xl" data-testid="final-result">
          You finished <b>{ordinal(p.me.rank)}</b> with <b>{p.me.score.toLocaleString('en-US')}</b> points
        </p>
      )}
      <Podium top={p.top} compact />
      <div className="flex flex-wrap justify-center gap-3">
        <a href="/" className="btn bg-white px-6 py-3 text-lg font-black text-indigo-900">
          Play another game
        </a>
        <a href="/games" className="btn bg-white/15 px-6 py-3 text-lg text-white hover:bg-white/25">
          My past games
        </a>
      </div>
    </div>
  );
}

import Link from 'next/link';
import { ordinal } from '@/components/game/podium';
import { LocalTime } from '@/components/assignments/local-time';
import { STATUS_LABEL } from '@/components/game/report/format';
import { currentUser } from '@/server/current-user';
import { listPlayerGames } from '@/server/games';

export const metadata = { title: 'My games' };
export const dynamic = 'force-dynamic';

export default async function Page() {
  const user = await currentUser();
  if (!user) {
    return (
      <div className="card mx-auto max-w-xl text-center">
        <h1 className="text-2xl font-bold">My games</h1>
        <p className="mt-2 text-slate-600 dark:text-slate-400">Sign in before you join a game and your results are kept here.</p>
        <Link href="/sign-in?next=/games" className="btn btn-primary mt-4">
          Sign in
        </Link>
      </div>
    );
  }
  const games = await listPlayerGames(user.id);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-extrabold tracking-tight">My games</h1>
      {games.length === 0 ? (
        <p className="card">
          No games yet. Join one with a PIN on the <Link href="/" className="text-brand-600 underline">home page</Link> while signed in.
        </p>
      ) : (
        <ul className="flex flex-col gap-3" data-testid="player-games">
          {games.map((g) => (
            <li key={`${g.gameId}-${g.nickname}`} className="card flex flex-wrap items-center gap-4">
              <div className="flex w-16 flex-col items-center">
                <span className="text-2xl font-black">{g.finalRank ? ordinal(g.finalRank) : '—'}</span>
                <span className="text-xs text-slate-500">of {g.playerCount}</span>
              </div>
              <div className="min-w-0 flex-1">
                <p className="break-words font-bold">
                  {g.status === 'ended' ? (
                    <Link href={`/games/${g.gameId}`} className="text-brand-600 hover:underline dark:text-brand-100">
                      {g.title}
                    </Link>
                  ) : (
                    g.title
                  )}
                </p>
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  <LocalTime iso={g.createdAt.toISOString()} /> · as <span className="font-medium">{g.nickname}</span>
                  {g.hostName ? ` · hosted by ${g.hostName}` : ''} · {STATUS_LABEL[g.status] ?? g.status}
                </p>
              </div>
              <div className="text-right">
                <p className="text-xl font-black tabular-nums">{g.score.toLocaleString('en-US')} pts</p>
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  {g.correctCount}/{g.questionCount} right
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

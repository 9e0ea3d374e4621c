import Link from 'next/link';
import { LocalTime } from '@/components/assignments/local-time';
import { STATUS_LABEL } from '@/components/game/report/format';
import { currentUser } from '@/server/current-user';
import { listHostGames } from '@/server/games';

export const metadata = { title: 'Past games' };
export const dynamic = 'force-dynamic';

export default async function Page() {
  const user = await currentUser();
  if (!user) {
    return (
      <div className="card mx-auto max-w-xl text-center">
        <h1 className="text-2xl font-bold">Past games</h1>
        <p className="mt-2 text-slate-600 dark:text-slate-400">Sign in to see the games you hosted.</p>
        <Link href="/sign-in?next=/host/history" className="btn btn-primary mt-4">
          Sign in
        </Link>
      </div>
    );
  }
  const games = await listHostGames(user.id);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-3xl font-extrabold tracking-tight">Games you hosted</h1>
        <Link href="/host" className="btn btn-primary">
          Host a new game
        </Link>
      </div>
      {games.length === 0 ? (
        <p className="card">No games yet. Host one and its report will appear here.</p>
      ) : (
        <div className="card overflow-x-auto p-0">
          <table className="w-full text-left text-sm" data-testid="host-games">
            <thead className="border-b border-slate-200 text-xs uppercase text-slate-500 dark:border-slate-800">
              <tr>
                <th scope="col" className="px-4 py-3">Date</th>
                <th scope="col" className="px-4 py-3">Game</th>
                <th scope="col" className="hidden px-4 py-3 sm:table-cell">Deck</th>
                <th scope="col" className="px-4 py-3 text-right">Players</th>
                <th scope="col" className="hidden px-4 py-3 text-right sm:table-cell">Questions</th>
                <th scope="col" className="px-4 py-3">Status</th>
              </tr>
            </thead>
            <tbody>
              {games.map((g) => (
                <tr key={g.id} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
                  <td className="px-4 py-3 tabular-nums">
                    <LocalTime iso={g.createdAt.toISOString()} />
                  </td>
                  <td className="break-words px-4 py-3 font-semibold">
                    <Link href={g.status === 'ended' ? `/host/history/${g.id}` : `/host/${g.id}`} className="text-brand-600 hover:underline dark:text-brand-100">
                      {g.title}
                    </Link>
                    {g.className && <span className="ml-2 text-xs text-slate-500">{g.className}</span>}
                  </td>
                  <td className="hidden break-words px-4 py-3 sm:table-cell">{g.deckTitle ?? '—'}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{g.playerCount}</td>
                  <td className="hidden px-4 py-3 text-right tabular-nums sm:table-cell">{g.questionCount}</td>
                  <td className="px-4 py-3">
                    {STATUS_LABEL[g.status] ?? g.status}
                    {g.status !== 'ended' && (
                      <Link href={`/host/history/${g.id}`} className="ml-2 text-xs text-brand-600 hover:underline">
                        report so far
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

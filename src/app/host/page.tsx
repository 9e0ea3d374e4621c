import Link from 'next/link';
import { HostSetupForm } from '@/components/game/host-setup-form';
import { currentUser } from '@/server/current-user';
import { listHostDecks } from './host-decks';

export const metadata = { title: 'Host a game' };
export const dynamic = 'force-dynamic';

export default async function Page() {
  const user = await currentUser();
  if (!user) {
    return (
      <div className="card mx-auto flex max-w-xl flex-col items-center gap-4 text-center">
        <h1 className="text-2xl font-bold">Host a game</h1>
        <p className="text-slate-600 dark:text-slate-400">Sign in to open a live quiz room and keep its reports.</p>
        <div className="flex gap-3">
          <Link href="/sign-in?next=/host" className="btn btn-primary">
            Sign in
          </Link>
          <Link href="/sign-up?next=/host" className="btn btn-secondary">
            Create an account
          </Link>
        </div>
      </div>
    );
  }
  const decks = await listHostDecks(user);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-3xl font-extrabold tracking-tight">Host a game</h1>
          <p className="text-slate-600 dark:text-slate-400">Pick a deck and the rules, then put the room on the projector.</p>
        </div>
        <Link href="/host/history" className="btn btn-secondary">
          Past games
        </Link>
      </div>
      {decks.length === 0 ? (
        <p className="card">No decks with quiz questions yet. Add a deck first.</p>
      ) : (
        <HostSetupForm decks={decks} />
      )}
    </div>
  );
}

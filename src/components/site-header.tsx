import Link from 'next/link';
import { currentUser } from '@/server/current-user';
import { SignOutButton } from './sign-out-button';

const links = [
  { href: '/review', label: 'Review' },
  { href: '/stats', label: 'Stats' },
  { href: '/decks', label: 'Decks' },
  { href: '/classes', label: 'Classes' },
  { href: '/host', label: 'Host a game' },
  { href: '/games', label: 'My games' },
];

export async function SiteHeader() {
  const user = await currentUser();
  return (
    <header className="border-b border-slate-200 bg-white/80 backdrop-blur dark:border-slate-800 dark:bg-slate-900/80">
      <nav aria-label="Main" className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-5 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-extrabold tracking-tight text-brand-600 dark:text-brand-100">
          StudyRoom
        </Link>
        <ul className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm font-medium">
          {[...links, ...(user?.role === 'instructor' ? [{ href: '/editor', label: 'Deck editor' }] : [])].map((l) => (
            <li key={l.href}>
              <Link href={l.href} className="rounded px-1 py-1 hover:text-brand-600 dark:hover:text-brand-100">
                {l.label}
              </Link>
            </li>
          ))}
        </ul>
        <div className="ml-auto flex items-center gap-3 text-sm">
          {user ? (
            <>
              <span data-testid="current-user">
                <span className="font-semibold">{user.name}</span>{' '}
                <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-300">
                  {user.role}
                </span>
              </span>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/sign-in" className="font-medium hover:text-brand-600">
                Sign in
              </Link>
              <Link href="/sign-up" className="btn btn-primary py-1.5">
                Sign up
              </Link>
            </>
          )}
        </div>
      </nav>
    </header>
  );
}

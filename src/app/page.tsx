import Link from 'next/link';
import { JoinForm } from '@/components/join-form';
import { currentUser } from '@/server/current-user';

export default async function HomePage() {
  const user = await currentUser();
  return (
    <div className="flex flex-col items-center gap-10 py-6">
      <section aria-labelledby="join-title" className="card flex w-full max-w-lg flex-col items-center gap-4 py-10">
        <h1 id="join-title" className="text-3xl font-extrabold tracking-tight">
          Join a game
        </h1>
        <p className="text-center text-slate-600 dark:text-slate-400">Enter the PIN on your instructor&apos;s screen.</p>
        <JoinForm />
      </section>
      {user && (
        <p className="text-lg" data-testid="welcome">
          Welcome back, <span className="font-semibold">{user.name}</span>.
        </p>
      )}
      <section aria-label="Study" className="grid w-full gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <HomeLink href="/review" title="Review" text="Today's due cards, scheduled by FSRS." />
        <HomeLink href="/decks" title="Decks" text="Browse and flip through every card." />
        <HomeLink href="/classes" title="Classes" text="Join a class or run one." />
        <HomeLink href="/host" title="Host a game" text="Put a live quiz on the projector." />
      </section>
    </div>
  );
}

function HomeLink({ href, title, text }: { href: string; title: string; text: string }) {
  return (
    <Link href={href} className="card block transition hover:ring-brand-500">
      <h2 className="text-lg font-bold">{title}</h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{text}</p>
    </Link>
  );
}

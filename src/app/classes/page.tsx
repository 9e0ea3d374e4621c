import Link from 'next/link';
import { currentUser } from '@/server/current-user';
import { db } from '@/server/db';
import { listClasses } from '@/server/classes/class-service';
import { ClassList } from '@/components/classes/class-list';
import { JoinClassForm } from '@/components/classes/join-class-form';
import { NewClassForm } from '@/components/classes/new-class-form';

export const metadata = { title: 'Classes' };

export default async function ClassesPage() {
  const user = await currentUser();
  if (!user) {
    return (
      <div className="card mx-auto max-w-xl text-center">
        <h1 className="text-2xl font-bold">Classes</h1>
        <p className="mt-2 text-slate-600 dark:text-slate-400">
          <Link href="/sign-in?next=/classes" className="font-semibold text-brand-600 underline dark:text-brand-100">
            Sign in
          </Link>{' '}
          to see your classes or join one with a code from your instructor.
        </p>
      </div>
    );
  }
  const classes = await listClasses(db(), user);
  const active = classes.filter((c) => !c.archived);
  const archived = classes.filter((c) => c.archived);
  const instructor = user.role === 'instructor';

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-3xl font-bold">Classes</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">
          {instructor
            ? 'Create a class, share its code, publish decks and set assignments.'
            : 'Your classes, their decks and assignments.'}
        </p>
      </div>
      {instructor ? <NewClassForm /> : <JoinClassForm />}
      <section aria-labelledby="active-heading" className="flex flex-col gap-3">
        <h2 id="active-heading" className="text-xl font-bold">
          {instructor ? 'Your classes' : 'Classes you belong to'}
        </h2>
        {active.length ? (
          <ClassList classes={active} label="Active classes" />
        ) : (
          <p className="text-slate-600 dark:text-slate-400">
            {instructor ? 'No classes yet. Create one above.' : 'No classes yet. Enter the code your instructor gave you.'}
          </p>
        )}
      </section>
      {archived.length > 0 && (
        <details className="flex flex-col gap-3">
          <summary className="cursor-pointer text-lg font-semibold">Archived ({archived.length})</summary>
          <div className="mt-3">
            <ClassList classes={archived} label="Archived classes" />
          </div>
        </details>
      )}
    </div>
  );
}

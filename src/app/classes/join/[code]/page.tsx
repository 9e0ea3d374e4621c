import Link from 'next/link';
import { currentUser } from '@/server/current-user';
import { db } from '@/server/db';
import { findClassByCode } from '@/server/classes/class-service';
import { JoinClassButton } from '@/components/classes/join-class-button';

export const metadata = { title: 'Join a class' };

type Props = { params: Promise<{ code: string }> };

/** The join link a class shares (/classes/join/ABC234): sign in first, then confirm. */
export default async function JoinPage({ params }: Props) {
  const { code } = await params;
  const user = await currentUser();
  const here = `/classes/join/${encodeURIComponent(code)}`;
  if (!user) {
    return (
      <div className="card mx-auto flex max-w-md flex-col gap-3 text-center">
        <h1 className="text-2xl font-bold">Join a class</h1>
        <p className="text-slate-600 dark:text-slate-400">Sign in with your student account first; you will come back here to join.</p>
        <div className="flex justify-center gap-3">
          <Link href={`/sign-in?next=${encodeURIComponent(here)}`} className="btn btn-primary">
            Sign in
          </Link>
          <Link href={`/sign-up?next=${encodeURIComponent(here)}`} className="btn btn-secondary">
            Create an account
          </Link>
        </div>
      </div>
    );
  }
  const cls = await findClassByCode(db(), decodeURIComponent(code));
  if (!cls) {
    return (
      <div className="card mx-auto max-w-md text-center">
        <h1 className="text-2xl font-bold">Class not found</h1>
        <p className="mt-2 text-slate-600 dark:text-slate-400">
          No active class has the code <span className="font-mono font-semibold">{code}</span>. Check it with your instructor.
        </p>
        <Link href="/classes" className="btn btn-secondary mt-4">
          Back to classes
        </Link>
      </div>
    );
  }
  const enrolled = await db().enrollment.findUnique({ where: { classId_userId: { classId: cls.id, userId: user.id } } });
  return (
    <div className="card mx-auto flex max-w-md flex-col gap-3 text-center">
      <h1 className="text-2xl font-bold">{cls.name}</h1>
      <p className="text-slate-600 dark:text-slate-400">
        {cls.term ? `${cls.term} · ` : ''}Instructor: {cls.ownerName}
      </p>
      {cls.ownerId === user.id ? (
        <Link href={`/classes/${cls.id}`} className="btn btn-secondary">
          This is your class: open it
        </Link>
      ) : enrolled ? (
        <Link href={`/classes/${cls.id}`} className="btn btn-primary">
          You are in this class: open it
        </Link>
      ) : user.role !== 'student' ? (
        <p className="text-sm">Only student accounts join classes. You are signed in as an instructor.</p>
      ) : (
        <JoinClassButton code={code} />
      )}
    </div>
  );
}

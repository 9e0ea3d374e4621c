import Link from 'next/link';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { currentUser } from '@/server/current-user';
import { db } from '@/server/db';
import { HttpError } from '@/server/api';
import { getClassDetail } from '@/server/classes/class-service';
import { listUsableDecks } from '@/server/classes/class-decks';
import { listClassAssignments } from '@/server/assignments/assignment-list';
import { assignmentSourceOptions } from '@/server/assignments/assignment-options';
import { CopyField } from '@/components/classes/copy-field';
import { ClassSettings } from '@/components/classes/class-settings';
import { Roster } from '@/components/classes/roster';
import { ClassDecks } from '@/components/classes/class-decks';
import { LeaveClassButton } from '@/components/classes/leave-class-button';
import { AssignmentList } from '@/components/assignments/assignment-list';
import { NewAssignmentForm } from '@/components/assignments/new-assignment-form';
import { ClassToolsLinks } from '@/components/insight/class-tools-links';

type Props = { params: Promise<{ id: string }> };

export const metadata = { title: 'Class' };

function Section({ title, children, id, className = '' }: { title: string; id: string; children: React.ReactNode; className?: string }) {
  return (
    <section aria-labelledby={id} className={`card flex flex-col gap-3 ${className}`}>
      <h2 id={id} className="text-lg font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function ClassPage({ params }: Props) {
  const { id } = await params;
  const user = await currentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(`/classes/${id}`)}`);
  let cls;
  try {
    cls = await getClassDetail(db(), user, id);
  } catch (err) {
    if (err instanceof HttpError && err.status === 404) notFound();
    throw err;
  }
  const owner = cls.role === 'owner';
  const [assignments, usable, sourceOptions] = await Promise.all([
    listClassAssignments(db(), user, id),
    owner ? listUsableDecks(db(), user) : Promise.resolve(undefined),
    owner && !cls.archived ? assignmentSourceOptions(db(), user) : Promise.resolve(undefined),
  ]);
  const now = new Date();
  const h = await headers();
  // why: students open the link on their own devices, so it must carry the host the instructor used.
  const origin = `${h.get('x-forwarded-proto') ?? 'http'}://${h.get('host') ?? 'localhost'}`;

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <Link href="/classes" className="text-sm text-slate-600 hover:underline dark:text-slate-400">
          ← Classes
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-3xl font-bold">{cls.name}</h1>
          {cls.archived && <span className="rounded bg-slate-200 px-2 py-0.5 text-sm font-medium dark:bg-slate-700">Archived · read-only</span>}
        </div>
        <p className="text-slate-600 dark:text-slate-400">
          {cls.term ? `${cls.term} · ` : ''}
          {owner ? `${cls.memberCount} ${cls.memberCount === 1 ? 'student' : 'students'}` : `Instructor: ${cls.ownerName}`}
        </p>
      </div>

      {owner && !cls.archived && cls.joinCode && (
        <section aria-label="How students join" className="card grid gap-4 sm:grid-cols-2">
          <CopyField label="Class code" value={cls.joinCode} mono />
          <CopyField label="Join link" value={`${origin}/classes/join/${cls.joinCode}`} />
        </section>
      )}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="flex flex-col gap-6 lg:col-span-2">
          <Section title="Assignments" id="assignments-heading">
            <AssignmentList items={assignments} owner={owner} memberCount={cls.memberCount} now={now} />
            {owner && sourceOptions && (
              <NewAssignmentForm classId={cls.id} options={sourceOptions} preferredDeckIds={cls.decks.map((d) => d.id)} />
            )}
          </Section>
          <Section title="Decks" id="decks-heading">
            <ClassDecks classId={cls.id} decks={cls.decks} usable={usable} canEdit={owner && !cls.archived} />
          </Section>
          <Section title="Live sessions and reports" id="sessions-heading">
            <ClassToolsLinks classId={cls.id} owner={owner} />
          </Section>
        </div>
        <div className="flex flex-col gap-6">
          {owner ? (
            <>
              <Section title={`Students (${cls.memberCount})`} id="roster-heading">
                <Roster
                  classId={cls.id}
                  readOnly={cls.archived}
                  members={cls.members.map((m) => ({ ...m, joinedAt: m.joinedAt.toISOString() }))}
                />
              </Section>
              <Section title="Settings" id="settings-heading">
                <ClassSettings classId={cls.id} allowGuests={cls.allowGuests} archived={cls.archived} />
              </Section>
            </>
          ) : (
            !cls.archived && (
              <Section title="Membership" id="membership-heading">
                <LeaveClassButton classId={cls.id} userId={user.id} />
              </Section>
            )
          )}
        </div>
      </div>
    </div>
  );
}

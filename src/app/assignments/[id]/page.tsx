import { notFound, redirect } from 'next/navigation';
import { currentUser } from '@/server/current-user';
import { db } from '@/server/db';
import { HttpError } from '@/server/api';
import { loadAssignmentAccess } from '@/server/assignments/assignment-access';
import { getTakeState } from '@/server/assignments/assignment-take';
import { assignmentOverview } from '@/server/assignments/assignment-list';
import { TakeAssignment } from '@/components/assignments/take-assignment';
import { AssignmentOverview } from '@/components/assignments/assignment-overview';
import type { TakeStateJson } from '@/components/assignments/take-types';

export const metadata = { title: 'Assignment' };

type Props = { params: Promise<{ id: string }> };

export default async function AssignmentPage({ params }: Props) {
  const { id } = await params;
  const user = await currentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(`/assignments/${id}`)}`);
  let role;
  try {
    role = (await loadAssignmentAccess(db(), user, id)).role;
  } catch (err) {
    if (err instanceof HttpError && err.status === 404) notFound();
    throw err;
  }
  if (role === 'owner') return <AssignmentOverview overview={await assignmentOverview(db(), user, id)} />;
  // why: a plain JSON copy (dates as strings) is what the client component is typed against.
  const state = JSON.parse(JSON.stringify(await getTakeState(db(), user, id))) as TakeStateJson;
  return <TakeAssignment initial={state} />;
}

import { ClassNav } from '@/components/insight/class-nav';
import { SignInPrompt } from '@/components/insight/sign-in-prompt';
import { WarmupBuilder } from '@/components/insight/warmup-builder';
import { currentUser } from '@/server/current-user';
import { db } from '@/server/db';
import { loadClassForInsight, warmupScopeOptions } from '@/server/insight';
import { orNotFound } from '@/server/insight/page';

export const metadata = { title: 'Warm-up' };
export const dynamic = 'force-dynamic';

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await currentUser();
  if (!user) return <SignInPrompt next={`/classes/${id}/warmup`} what="the warm-up builder" />;
  const cls = await orNotFound(loadClassForInsight(db(), user, id));
  const decks = await warmupScopeOptions(db(), cls.id);
  return (
    <div className="flex flex-col gap-6">
      <ClassNav classId={cls.id} className={cls.name} current="warmup" />
      <header>
        <h1 className="text-3xl font-extrabold tracking-tight">Warm-up from forgetting</h1>
        <p className="max-w-3xl text-slate-600 dark:text-slate-400">
          The quiz questions your students are closest to forgetting right now: lowest average predicted recall first (FSRS), over the students
          who studied each card. Cards nobody studied yet only fill in when there are not enough studied ones.
        </p>
      </header>
      {decks.length === 0 ? (
        <p className="card">Publish a deck with quiz questions to this class first.</p>
      ) : (
        <WarmupBuilder classId={cls.id} decks={decks} archived={cls.archived} />
      )}
    </div>
  );
}

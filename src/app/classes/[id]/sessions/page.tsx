import Link from 'next/link';
import { ClassNav } from '@/components/insight/class-nav';
import { ClassSessionLauncher } from '@/components/insight/class-session-launcher';
import { fmtDate, fmtPct, rateTone } from '@/components/insight/format';
import { SignInPrompt } from '@/components/insight/sign-in-prompt';
import { currentUser } from '@/server/current-user';
import { db } from '@/server/db';
import { listClassHostDecks, listClassSessions, loadClassForInsight, loadRoster } from '@/server/insight';
import { orNotFound } from '@/server/insight/page';

export const metadata = { title: 'Live sessions' };
export const dynamic = 'force-dynamic';

const STATUS: Record<string, string> = { lobby: 'In lobby', running: 'Running', ended: 'Finished' };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await currentUser();
  if (!user) return <SignInPrompt next={`/classes/${id}/sessions`} what="this class's sessions" />;
  const cls = await orNotFound(loadClassForInsight(db(), user, id));
  const roster = await loadRoster(db(), cls.id);
  const [sessions, decks] = await Promise.all([listClassSessions(db(), cls.id, new Set(roster.map((s) => s.userId))), listClassHostDecks(db(), cls.id)]);
  const base = `/classes/${encodeURIComponent(cls.id)}`;

  return (
    <div className="flex flex-col gap-6">
      <ClassNav classId={cls.id} className={cls.name} current="sessions" />
      <header>
        <h1 className="text-3xl font-extrabold tracking-tight">Live sessions</h1>
        <p className="text-slate-600 dark:text-slate-400">
          Host a live quiz for {cls.name}. Members join with the PIN and play as themselves; what they miss comes back in their review.{' '}
          {cls.allowGuests ? 'Guests without an account may join too.' : 'Only class members can join (guests are turned away).'}
        </p>
      </header>
      {cls.archived ? (
        <p className="card">This class is archived: its past sessions stay readable, but no new session can be hosted.</p>
      ) : (
        <ClassSessionLauncher classId={cls.id} className={cls.name} decks={decks} />
      )}
      <section aria-labelledby="past" className="flex flex-col gap-3">
        <h2 id="past" className="text-xl font-bold">
          Sessions ({sessions.length})
        </h2>
        {sessions.length === 0 ? (
          <p className="text-slate-600 dark:text-slate-400">No sessions yet.</p>
        ) : (
          <div className="card overflow-x-auto p-0">
            <table className="w-full text-sm" data-testid="class-sessions">
              <thead>
                <tr className="border-b border-slate-200 text-left dark:border-slate-800">
                  <th scope="col" className="px-3 py-2">Session</th>
                  <th scope="col" className="px-3 py-2">When</th>
                  <th scope="col" className="px-3 py-2">Status</th>
                  <th scope="col" className="px-3 py-2 text-right">Players</th>
                  <th scope="col" className="px-3 py-2 text-right">Questions</th>
                  <th scope="col" className="px-3 py-2 text-right">Correct</th>
                  <th scope="col" className="px-3 py-2"><span className="sr-only">Links</span></th>
                </tr>
              </thead>
              <tbody>
                {sessions.map((s) => (
                  <tr key={s.id} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
                    <th scope="row" className="px-3 py-2 text-left font-semibold">
                      {s.title}
                      {s.deckTitle && <span className="block text-xs font-normal text-slate-500">{s.deckTitle}</span>}
                    </th>
                    <td className="px-3 py-2 whitespace-nowrap">{fmtDate(s.startedAt ?? s.createdAt)}</td>
                    <td className="px-3 py-2">{STATUS[s.status] ?? s.status}</td>
                    <td className="px-3 py-2 text-right tabular-nums">
                      {s.playerCount}
                      <span className="block text-xs text-slate-500">{s.memberCount} members</span>
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">{s.questionCount}</td>
                    <td className={`px-3 py-2 text-right font-semibold tabular-nums ${rateTone(s.accuracy)}`}>{fmtPct(s.accuracy)}</td>
                    <td className="px-3 py-2 text-right whitespace-nowrap">
                      {s.status !== 'ended' && (
                        <Link href={`/host/${s.id}`} className="mr-3 font-semibold text-brand-600 hover:underline dark:text-brand-100">
                          Host screen
                        </Link>
                      )}
                      <Link href={`${base}/reports/sessions/${s.id}`} className="font-semibold text-brand-600 hover:underline dark:text-brand-100">
                        Report
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

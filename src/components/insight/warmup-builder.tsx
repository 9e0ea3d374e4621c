'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { createGameSocket, request } from '@/lib/game-socket';
import { describeError } from '@/components/game/stage';
import { fmtPct, rateTone } from './format';

export interface WarmupDeckChoice {
  id: string;
  title: string;
  sections: Array<{ section: string; cards: number }>;
}

interface PreviewCard {
  cardId: string;
  deckTitle: string;
  section: string;
  kind: string;
  prompt: string;
  avgRecall: number | null;
  studiedBy: number;
}

interface Preview {
  studentCount: number;
  poolSize: number;
  cards: PreviewCard[];
}

const KIND: Record<string, string> = { mcq: 'Multiple choice', multi: 'Multiple answers', tf: 'True/false', type: 'Type the answer' };

/** Picks the scope, previews the N most-forgotten cards, then hosts them live or sets them as an assignment. */
export function WarmupBuilder({ classId, decks, archived }: { classId: string; decks: WarmupDeckChoice[]; archived: boolean }) {
  const router = useRouter();
  const [deckId, setDeckId] = useState('');
  const [sections, setSections] = useState<string[]>([]);
  const [count, setCount] = useState(10);
  const [seconds, setSeconds] = useState(20);
  const [dueAt, setDueAt] = useState(() => new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10));
  const [preview, setPreview] = useState<Preview | null>(null);
  const [loading, setLoading] = useState(false);
  const [busy, setBusy] = useState<'live' | 'assignment' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ assignmentId: string; title: string } | null>(null);
  const deck = decks.find((d) => d.id === deckId);
  const api = `/api/classes/${encodeURIComponent(classId)}/warmup`;

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    const q = new URLSearchParams({ count: String(Math.min(50, Math.max(1, count || 1))) });
    if (deckId) q.set('deckId', deckId);
    for (const s of sections) q.append('section', s);
    try {
      const res = await fetch(`${api}?${q}`);
      const body = await res.json();
      if (!res.ok) throw new Error(body?.error?.message ?? 'Could not build the warm-up.');
      setPreview(body as Preview);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoading(false);
    }
  }, [api, count, deckId, sections]);

  useEffect(() => {
    void load();
  }, [load]);

  async function save(as: 'live' | 'assignment') {
    setBusy(as);
    setError(null);
    setCreated(null);
    try {
      const res = await fetch(api, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          count: Math.min(50, Math.max(1, count || 1)),
          ...(deckId ? { deckId } : {}),
          ...(sections.length ? { sections } : {}),
          as,
          ...(as === 'assignment' ? { dueAt: new Date(`${dueAt}T23:59:00`).toISOString() } : {}),
        }),
      });
      const body = await res.json();
      if (!res.ok) throw new Error(body?.error?.message ?? 'Could not save the warm-up.');
      if (as === 'assignment') {
        setCreated({ assignmentId: body.assignmentId, title: body.title });
        setBusy(null);
        return;
      }
      const socket = createGameSocket();
      const ack = await request(socket, 'host:create', {
        deckId: body.deckId,
        classId,
        questionSetId: body.questionSetId,
        title: body.title,
        settings: { questionCount: body.questionCount, secondsPerQuestion: Math.min(120, Math.max(5, seconds || 20)) },
      });
      socket.disconnect();
      if (!ack.ok) throw new Error(describeError(ack.code, ack.message));
      router.push(`/host/${ack.gameId}`);
    } catch (e) {
      setError((e as Error).message);
      setBusy(null);
    }
  }

  const studied = preview?.cards.filter((c) => c.avgRecall !== null).length ?? 0;
  return (
    <div className="flex flex-col gap-6">
      <form className="card grid gap-4 sm:grid-cols-[2fr_1fr]" onSubmit={(e) => e.preventDefault()} aria-label="Warm-up scope">
        <div className="flex flex-col gap-1">
          <label htmlFor="warmup-from" className="font-semibold">
            From
          </label>
          <select
            id="warmup-from"
            className="field h-11"
            value={deckId}
            onChange={(e) => {
              setDeckId(e.target.value);
              setSections([]);
            }}
          >
            <option value="">All decks published to the class</option>
            {decks.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        </div>
        <label className="flex flex-col gap-1 font-semibold">
          Questions
          <input type="number" className="field h-11" min={1} max={50} value={count} onChange={(e) => setCount(Number(e.target.value))} />
        </label>
        {deck && deck.sections.length > 1 && (
          <fieldset className="sm:col-span-2">
            <legend className="font-semibold">Sections {sections.length ? `(${sections.length} chosen)` : '(all)'}</legend>
            <ul className="mt-1 grid gap-1 sm:grid-cols-2">
              {deck.sections.map((s) => (
                <li key={s.section}>
                  <label className="flex items-start gap-2 py-1">
                    <input
                      type="checkbox"
                      className="mt-1 h-4 w-4"
                      checked={sections.includes(s.section)}
                      onChange={(e) => setSections((cur) => (e.target.checked ? [...cur, s.section] : cur.filter((x) => x !== s.section)))}
                    />
                    <span>
                      {s.section || 'No section'} <span className="text-slate-500">({s.cards})</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
      </form>

      <section aria-labelledby="picked" aria-busy={loading} className="flex flex-col gap-3">
        <h2 id="picked" className="text-xl font-bold">
          {preview ? `${preview.cards.length} questions the class is closest to forgetting` : 'Building…'}
        </h2>
        {preview && (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            From {preview.poolSize} quiz cards, across {preview.studentCount} {preview.studentCount === 1 ? 'student' : 'students'}.{' '}
            {studied < preview.cards.length &&
              `${preview.cards.length - studied} ${preview.cards.length - studied === 1 ? 'card nobody has' : 'cards nobody has'} studied yet fill the rest.`}
          </p>
        )}
        {preview && preview.cards.length > 0 && (
          <ol className="card flex flex-col divide-y divide-slate-100 p-0 dark:divide-slate-800" data-testid="warmup-cards">
            {preview.cards.map((c, i) => (
              <li key={c.cardId} className="flex items-start gap-3 px-4 py-2">
                <span className="w-6 text-right font-bold tabular-nums text-slate-500">{i + 1}</span>
                <span className="min-w-0 flex-1">
                  <span className="block">{c.prompt}</span>
                  <span className="text-xs text-slate-500">
                    {c.deckTitle} · {c.section} · {KIND[c.kind] ?? c.kind}
                  </span>
                </span>
                <span className="text-right">
                  <span className={`block font-bold tabular-nums ${rateTone(c.avgRecall)}`}>{c.avgRecall === null ? 'new' : fmtPct(c.avgRecall)}</span>
                  <span className="text-xs text-slate-500">{c.avgRecall === null ? 'not studied' : `${c.studiedBy} studied`}</span>
                </span>
              </li>
            ))}
          </ol>
        )}
        {preview && preview.cards.length === 0 && <p className="card">No quiz questions in this selection.</p>}
      </section>

      {error && (
        <p role="alert" className="font-semibold text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      {created && (
        <p role="status" className="card border-green-600 font-semibold">
          Assignment “{created.title}” created.{' '}
          <Link href={`/classes/${encodeURIComponent(classId)}/reports/assignments/${created.assignmentId}`} className="text-brand-600 underline dark:text-brand-100">
            See its report
          </Link>
        </p>
      )}
      {archived ? (
        <p className="card">This class is archived: warm-ups cannot be launched.</p>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          <div className="card flex flex-col gap-3">
            <h3 className="text-lg font-bold">Play it live now</h3>
            <label className="flex flex-col gap-1 font-semibold">
              Seconds per question
              <input type="number" className="field h-11" min={5} max={120} value={seconds} onChange={(e) => setSeconds(Number(e.target.value))} />
            </label>
            <button type="button" className="btn btn-primary h-12" disabled={!preview?.cards.length || busy !== null} onClick={() => save('live')}>
              {busy === 'live' ? 'Opening the room…' : 'Host as live session'}
            </button>
          </div>
          <div className="card flex flex-col gap-3">
            <h3 className="text-lg font-bold">Set it as an assignment</h3>
            <label className="flex flex-col gap-1 font-semibold">
              Due date
              <input type="date" className="field h-11" value={dueAt} onChange={(e) => setDueAt(e.target.value)} />
            </label>
            <button type="button" className="btn btn-secondary h-12" disabled={!preview?.cards.length || busy !== null || !dueAt} onClick={() => save('assignment')}>
              {busy === 'assignment' ? 'Creating…' : 'Create assignment'}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

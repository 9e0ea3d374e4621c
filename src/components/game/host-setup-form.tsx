'use client';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { QUIZ_KIND_VALUES, type PointsMode, type QuizKind } from '@/core/game/settings';
import { createGameSocket, request } from '@/lib/game-socket';
import { kindLabel } from './host-question';
import { describeError } from './stage';

export interface SetupDeck {
  id: string;
  title: string;
  description: string;
  playable: number;
  sections: { section: string; kinds: Record<QuizKind, number> }[];
}

const POINTS: { value: PointsMode; label: string; hint: string }[] = [
  { value: 'standard', label: 'Standard', hint: 'up to 1000 a question' },
  { value: 'double', label: 'Double', hint: 'up to 2000' },
  { value: 'none', label: 'No points', hint: 'practice round' },
];

/** Game setup: deck, sections, count, timer, kinds, shuffles, points, streaks -> host:create. */
export function HostSetupForm({ decks }: { decks: SetupDeck[] }) {
  const router = useRouter();
  const [deckId, setDeckId] = useState(decks[0]?.id ?? '');
  const [sections, setSections] = useState<string[]>([]);
  const [count, setCount] = useState(10);
  const [seconds, setSeconds] = useState(20);
  const [kinds, setKinds] = useState<QuizKind[]>([...QUIZ_KIND_VALUES]);
  const [shuffleQuestions, setShuffleQuestions] = useState(true);
  const [shuffleOptions, setShuffleOptions] = useState(true);
  const [pointsMode, setPointsMode] = useState<PointsMode>('standard');
  const [streakBonus, setStreakBonus] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const deck = decks.find((d) => d.id === deckId);
  const prefix = deck ? sharedPrefix(deck.sections.map((s) => s.section)) : '';
  const available = useMemo(() => {
    if (!deck) return 0;
    return deck.sections
      .filter((s) => sections.length === 0 || sections.includes(s.section))
      .reduce((n, s) => n + kinds.reduce((k, kind) => k + s.kinds[kind], 0), 0);
  }, [deck, sections, kinds]);

  const problems: string[] = [];
  if (!deck) problems.push('Pick a deck.');
  if (kinds.length === 0) problems.push('Allow at least one question kind.');
  if (deck && kinds.length > 0 && available === 0) problems.push('No questions match these sections and kinds.');
  if (!(count >= 1 && count <= 50)) problems.push('Number of questions is 1–50.');
  if (!(seconds >= 5 && seconds <= 120)) problems.push('Seconds per question is 5–120.');

  async function create(e: React.FormEvent) {
    e.preventDefault();
    if (problems.length > 0 || !deck) return;
    setBusy(true);
    setError(null);
    const socket = createGameSocket();
    const settings = {
      ...(sections.length > 0 ? { sections } : {}),
      questionCount: count,
      secondsPerQuestion: seconds,
      kinds,
      shuffleQuestions,
      shuffleOptions,
      pointsMode,
      streakBonus,
    };
    const ack = await request(socket, 'host:create', { deckId: deck.id, settings, title: deck.title });
    socket.disconnect();
    if (!ack.ok) {
      setBusy(false);
      setError(describeError(ack.code, ack.message));
      return;
    }
    router.push(`/host/${ack.gameId}`);
  }

  return (
    <form onSubmit={create} className="flex flex-col gap-6">
      <fieldset className="card flex flex-col gap-3">
        <legend className="sr-only">Deck</legend>
        <label htmlFor="deck" className="text-lg font-bold">
          Deck
        </label>
        <select
          id="deck"
          className="field h-12 text-lg"
          value={deckId}
          onChange={(e) => {
            setDeckId(e.target.value);
            setSections([]);
          }}
        >
          {decks.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title} ({d.playable} questions)
            </option>
          ))}
        </select>
        {deck?.description && <p className="text-sm text-slate-600 dark:text-slate-400">{deck.description}</p>}
        {deck && deck.sections.length > 1 && (
          <details className="rounded-lg bg-slate-50 p-3 dark:bg-slate-800/60">
            <summary className="cursor-pointer font-semibold">
              Sections {sections.length > 0 ? `(${sections.length} chosen)` : '(all)'}
            </summary>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Leave all unticked to draw from the whole deck.</p>
            <ul className="mt-2 grid gap-1 sm:grid-cols-2">
              {deck.sections.map((s) => {
                const n = Object.values(s.kinds).reduce((a, b) => a + b, 0);
                return (
                  <li key={s.section}>
                    <label className="flex items-start gap-2 py-1">
                      <input
                        type="checkbox"
                        className="mt-1 h-4 w-4"
                        checked={sections.includes(s.section)}
                        onChange={(e) =>
                          setSections((cur) => (e.target.checked ? [...cur, s.section] : cur.filter((x) => x !== s.section)))
                        }
                      />
                      <span>
                        {s.section.slice(prefix.length) || s.section || 'No section'} <span className="text-slate-500">({n})</span>
                      </span>
                    </label>
                  </li>
                );
              })}
            </ul>
          </details>
        )}
      </fieldset>

      <fieldset className="card grid gap-5 sm:grid-cols-2">
        <legend className="sr-only">Questions</legend>
        <div className="flex flex-col gap-1">
          <label htmlFor="question-count" className="font-semibold">
            Number of questions
          </label>
          <input id="question-count" type="number" className="field" min={1} max={50} value={count} onChange={(e) => setCount(Number(e.target.value))} aria-describedby="available" />
          <span id="available" className="text-sm text-slate-600 dark:text-slate-400" data-testid="available">
            {available} matching {available === 1 ? 'question' : 'questions'} in the deck
            {available > 0 && available < count ? ` — the game will have ${available}` : ''}
          </span>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="seconds" className="font-semibold">
            Seconds per question
          </label>
          <input id="seconds" type="number" className="field" min={5} max={120} value={seconds} onChange={(e) => setSeconds(Number(e.target.value))} aria-describedby="seconds-hint" />
          <span id="seconds-hint" className="text-sm text-slate-600 dark:text-slate-400">
            5 to 120
          </span>
        </div>
        <fieldset className="flex flex-col gap-1 sm:col-span-2">
          <legend className="mb-1 font-semibold">Question kinds</legend>
          <div className="flex flex-wrap gap-x-6 gap-y-2">
            {QUIZ_KIND_VALUES.map((k) => (
              <label key={k} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  className="h-4 w-4"
                  checked={kinds.includes(k)}
                  onChange={(e) => setKinds((cur) => (e.target.checked ? [...cur, k] : cur.filter((x) => x !== k)))}
                />
                {kindLabel(k)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="flex flex-col gap-2 sm:col-span-2">
          <label className="flex items-center gap-2">
            <input type="checkbox" className="h-4 w-4" checked={shuffleQuestions} onChange={(e) => setShuffleQuestions(e.target.checked)} />
            Shuffle questions
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" className="h-4 w-4" checked={shuffleOptions} onChange={(e) => setShuffleOptions(e.target.checked)} />
            Shuffle answer options
          </label>
        </div>
      </fieldset>

      <fieldset className="card flex flex-col gap-3">
        <legend className="sr-only">Scoring</legend>
        <p className="font-semibold">Points</p>
        <div className="flex flex-wrap gap-3" role="radiogroup" aria-label="Points">
          {POINTS.map((p) => (
            <label key={p.value} className={`flex cursor-pointer flex-col rounded-lg px-4 py-2 ring-1 ${pointsMode === p.value ? 'bg-brand-50 ring-2 ring-brand-600 dark:bg-brand-900' : 'ring-slate-300 dark:ring-slate-600'}`}>
              <span className="flex items-center gap-2 font-semibold">
                <input type="radio" name="points" value={p.value} checked={pointsMode === p.value} onChange={() => setPointsMode(p.value)} />
                {p.label}
              </span>
              <span className="text-sm text-slate-600 dark:text-slate-400">{p.hint}</span>
            </label>
          ))}
        </div>
        <label className="flex items-center gap-2">
          <input type="checkbox" className="h-4 w-4" checked={streakBonus} onChange={(e) => setStreakBonus(e.target.checked)} />
          Streak bonus (+100 per right answer in a row, up to +500)
        </label>
      </fieldset>

      {(error || problems.length > 0) && (
        <div role="alert" className="rounded-lg bg-red-50 px-4 py-3 font-medium text-red-800 dark:bg-red-950 dark:text-red-200">
          {error ?? problems.join(' ')}
        </div>
      )}
      <button type="submit" className="btn btn-primary h-14 text-xl" disabled={busy || problems.length > 0}>
        {busy ? 'Opening the room…' : 'Open the room'}
      </button>
    </form>
  );
}

/** "SQS › " when every section starts with it, so the checkboxes show only what differs. */
function sharedPrefix(sections: string[]): string {
  const first = sections[0];
  if (!first || sections.length < 2) return '';
  const cut = first.indexOf(' › ');
  if (cut < 0) return '';
  const head = first.slice(0, cut + 3);
  return sections.every((s) => s.startsWith(head) && s.length > head.length) ? head : '';
}

'use client';
import Link from 'next/link';
import { useCallback, useEffect, useRef, useState } from 'react';
import { checkAnswer, isChoiceKind } from './answer-check';
import { KeyHelp } from './key-help';
import { CardFace } from './card-face';
import { RatingBar } from './rating-bar';
import { ApiError, cardAction, fetchNext, rateCard, undoLast, type StudyCard } from './review-api';
import { SessionSummary, type SessionTotals } from './session-summary';

type Rating = 1 | 2 | 3 | 4;
type Phase = 'loading' | 'front' | 'back' | 'finished' | 'error';

interface Answered {
  choice: number[];
  typed: string;
  /** null for basic/cloze (self-graded). */
  correct: boolean | null;
}

const EMPTY_ANSWER: Answered = { choice: [], typed: '', correct: null };

/** One study session: front, answer, rating; keyboard first (Space/Enter, 1-4, A-D, Ctrl+Z). */
export function StudySession({ deckId, deckTitle }: { deckId?: string; deckTitle?: string }) {
  const [phase, setPhase] = useState<Phase>('loading');
  const [card, setCard] = useState<StudyCard | null>(null);
  const [remaining, setRemaining] = useState(0);
  const [waitUntil, setWaitUntil] = useState<string | null>(null);
  const [answer, setAnswer] = useState<Answered>(EMPTY_ANSWER);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ tone: 'info' | 'warn'; text: string; leechCardId?: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [totals, setTotals] = useState<SessionTotals>({ studied: 0, again: 0, ms: 0 });
  const history = useRef<{ rating: Rating; ms: number }[]>([]);
  const shownAt = useRef(0);

  const show = useCallback((next: StudyCard | null, left: number, wait: string | null) => {
    setRemaining(left);
    setWaitUntil(wait);
    setCard(next);
    setAnswer(EMPTY_ANSWER);
    setPhase(next ? 'front' : 'finished');
    shownAt.current = performance.now();
  }, []);

  const load = useCallback(async () => {
    setPhase('loading');
    try {
      const r = await fetchNext(deckId);
      show(r.card, r.counts.total, r.waitUntil);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Could not load the next card.');
      setPhase('error');
    }
  }, [deckId, show]);

  useEffect(() => {
    void load();
  }, [load]);

  const reveal = useCallback(
    (a: Answered = answer) => {
      if (!card || phase !== 'front') return;
      setAnswer(a);
      setPhase('back');
    },
    [answer, card, phase],
  );

  const pick = useCallback(
    (i: number) => {
      if (!card || phase !== 'front' || !card.options || i >= card.options.length) return;
      if (card.kind === 'multi') {
        setAnswer((a) => ({ ...a, choice: a.choice.includes(i) ? a.choice.filter((x) => x !== i) : [...a.choice, i] }));
        return;
      }
      reveal({ choice: [i], typed: '', correct: checkAnswer(card, [i]) });
    },
    [card, phase, reveal],
  );

  const submitAnswer = useCallback(() => {
    if (!card || phase !== 'front') return;
    if (card.kind === 'multi') {
      reveal(answer.choice.length === 0 ? { ...answer, correct: false } : { ...answer, correct: checkAnswer(card, answer.choice) });
    } else if (card.kind === 'type') {
      const typed = answer.typed.trim();
      reveal({ ...answer, correct: typed ? checkAnswer(card, typed) : false });
    } else if (isChoiceKind(card.kind)) {
      // why: Space on a choice card shows the answer as on the other kinds; not choosing counts as not knowing.
      reveal({ choice: [], typed: '', correct: false });
    } else {
      reveal();
    }
  }, [answer, card, phase, reveal]);

  const suggested: Rating | null = answer.correct === null ? null : answer.correct ? 3 : 1;

  const rate = useCallback(
    async (rating: Rating) => {
      if (!card || phase !== 'back' || busy) return;
      setBusy(true);
      const ms = Math.round(performance.now() - shownAt.current);
      try {
        const r = await rateCard({ cardId: card.id, rating, expectedVersion: card.version, durationMs: ms });
        history.current.push({ rating, ms });
        setTotals((t) => ({ studied: t.studied + 1, again: t.again + (rating === 1 ? 1 : 0), ms: t.ms + ms }));
        setNotice(
          r.becameLeech
            ? {
                tone: 'warn',
                text: 'That card is a leech: you have forgotten it 8 times, so it was suspended. Rewrite or rethink it, then unsuspend it.',
                leechCardId: card.id,
              }
            : null,
        );
        await load();
      } catch (err) {
        if (err instanceof ApiError && err.status === 409) {
          setNotice({ tone: 'info', text: err.message });
          await load();
        } else {
          setError(err instanceof Error ? err.message : 'Could not save the rating.');
        }
      } finally {
        setBusy(false);
      }
    },
    [busy, card, load, phase],
  );

  const undo = useCallback(async () => {
    if (busy) return;
    setBusy(true);
    try {
      const r = await undoLast();
      const last = history.current.pop();
      if (last) {
        setTotals((t) => ({
          studied: Math.max(0, t.studied - 1),
          again: Math.max(0, t.again - (last.rating === 1 ? 1 : 0)),
          ms: Math.max(0, t.ms - last.ms),
        }));
      }
      setNotice({ tone: 'info', text: `Undid your last rating.` });
      if (r.card) show(r.card, remaining + 1, null);
      else await load();
    } catch (err) {
      setNotice({ tone: 'info', text: err instanceof Error ? err.message : 'Nothing to undo.' });
    } finally {
      setBusy(false);
    }
  }, [busy, load, remaining, show]);

  const act = useCallback(
    async (action: 'suspend' | 'bury' | 'unsuspend', cardId: string) => {
      setBusy(true);
      try {
        await cardAction(cardId, action);
        setNotice({
          tone: 'info',
          text: action === 'bury' ? 'Buried until tomorrow.' : action === 'suspend' ? 'Card suspended.' : 'Card unsuspended: it is back in your reviews.',
        });
        if (action !== 'unsuspend') await load();
      } catch (err) {
        setError(err instanceof Error ? err.message : 'That did not work.');
      } finally {
        setBusy(false);
      }
    },
    [load],
  );

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      // why: the typed-answer box turns read-only on the answer side; keys then rate the card.
      const inField =
        (e.target instanceof HTMLInputElement && !e.target.readOnly) || e.target instanceof HTMLTextAreaElement;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z' && !inField) {
        e.preventDefault();
        void undo();
        return;
      }
      if (inField || e.ctrlKey || e.metaKey || e.altKey || !card) return;
      const key = e.key;
      if (phase === 'front') {
        const letter = 'abcdefghi'.indexOf(key.toLowerCase());
        const digit = /^[1-9]$/.test(key) ? Number(key) - 1 : -1;
        if (isChoiceKind(card.kind) && (digit >= 0 || (key.length === 1 && letter >= 0))) {
          e.preventDefault();
          pick(digit >= 0 ? digit : letter);
        } else if (key === ' ' || key === 'Enter') {
          if (e.target instanceof HTMLButtonElement && key === 'Enter') return;
          e.preventDefault();
          submitAnswer();
        }
      } else if (phase === 'back') {
        if (/^[1-4]$/.test(key)) {
          e.preventDefault();
          void rate(Number(key) as Rating);
        } else if (key === ' ' || key === 'Enter') {
          if (e.target instanceof HTMLButtonElement && key === 'Enter') return;
          e.preventDefault();
          void rate(suggested ?? 3);
        }
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [card, phase, pick, rate, submitAnswer, suggested, undo]);

  const progress = totals.studied + remaining === 0 ? 0 : totals.studied / (totals.studied + remaining);
  const title = deckTitle ?? 'All decks';

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-lg font-bold">{title}</h1>
        <span className="text-sm text-slate-600 dark:text-slate-400" data-testid="session-counts">
          {totals.studied} done · {remaining} left
        </span>
        <button
          type="button"
          className="btn btn-secondary ml-auto px-3 py-1.5 text-sm"
          onClick={() => void undo()}
          disabled={busy || totals.studied === 0}
          aria-keyshortcuts="Control+Z"
        >
          ↶ Undo
        </button>
      </div>
      <div
        className="h-2 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
        role="progressbar"
        aria-label="Session progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(progress * 100)}
      >
        <div className="h-full bg-brand-600 transition-all" style={{ width: `${progress * 100}%` }} />
      </div>

      {notice && (
        <div
          role="status"
          className={`flex flex-wrap items-center gap-3 rounded-lg px-4 py-3 text-sm ${
            notice.tone === 'warn'
              ? 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100'
              : 'bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-100'
          }`}
        >
          <span className="flex-1">{notice.text}</span>
          {notice.leechCardId && (
            <button type="button" className="btn btn-secondary px-3 py-1 text-sm" onClick={() => void act('unsuspend', notice.leechCardId!)}>
              Unsuspend
            </button>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="rounded-lg bg-rose-100 px-4 py-3 text-sm text-rose-900 dark:bg-rose-950 dark:text-rose-100">
          {error}{' '}
          <button type="button" className="underline" onClick={() => { setError(null); void load(); }}>
            Try again
          </button>
        </p>
      )}

      {phase === 'loading' && !card && <p className="card text-center text-slate-500">Loading…</p>}
      {phase === 'finished' &&
        (totals.studied === 0 ? (
          <div className="card text-center">
            <h2 className="text-xl font-bold">Nothing due here right now</h2>
            <p className="mt-2 text-slate-600 dark:text-slate-400">
              {waitUntil ? `Learning cards come back at ${new Date(waitUntil).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}.` : 'Come back later, or add decks to study.'}
            </p>
            <div className="mt-4 flex justify-center gap-3">
              <Link href="/review" className="btn btn-primary">Back to review</Link>
              <Link href="/decks" className="btn btn-secondary">Browse decks</Link>
            </div>
          </div>
        ) : (
          <SessionSummary totals={totals} waitUntil={waitUntil} />
        ))}

      {card && (phase === 'front' || phase === 'back' || phase === 'loading') && (
        <>
          <CardFace
            card={card}
            revealed={phase === 'back'}
            answer={answer}
            onPick={pick}
            onType={(typed) => setAnswer((a) => ({ ...a, typed }))}
            onSubmit={submitAnswer}
          />
          {phase === 'front' ? (
            card.kind === 'mcq' || card.kind === 'tf' ? (
              <button type="button" className="btn btn-secondary min-h-12 w-full" onClick={submitAnswer}>
                I don&apos;t know — show the answer
                <span className="text-sm font-normal opacity-75">(Space)</span>
              </button>
            ) : (
              <button type="button" className="btn btn-primary min-h-14 w-full text-lg" onClick={submitAnswer}>
                {card.kind === 'basic' || card.kind === 'cloze' ? 'Show answer' : card.kind === 'multi' && answer.choice.length === 0 ? 'Show the answer' : 'Check'}
                <span className="text-sm font-normal opacity-75">({card.kind === 'type' ? 'Enter' : 'Space'})</span>
              </button>
            )
          ) : phase === 'back' ? (
            <>
              <RatingBar previews={card.previews} suggested={suggested} busy={busy} onRate={(r) => void rate(r)} />
              <div className="flex flex-wrap justify-end gap-2 text-sm">
                <button type="button" className="btn btn-secondary px-3 py-1.5 text-sm" disabled={busy} onClick={() => void act('bury', card.id)}>
                  Bury until tomorrow
                </button>
                <button type="button" className="btn btn-secondary px-3 py-1.5 text-sm" disabled={busy} onClick={() => void act('suspend', card.id)}>
                  Suspend
                </button>
              </div>
            </>
          ) : null}
          {phase !== 'loading' && <KeyHelp kind={card.kind} side={phase === 'back' ? 'back' : 'front'} />}
        </>
      )}
    </div>
  );
}

'use client';
import Link from 'next/link';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CardData } from '@/core/decks/card-types';
import { ClozeText } from './cloze-text';
import { displayText } from './display-text';
import { KindBadge } from './kinds';

interface Props {
  deckId: string;
  cards: CardData[];
  backHref: string;
}

/**
 * Flip-through mode: one card at a time, front then back. Space/Enter flips, ←/→ move, taps flip and
 * swipes move on phones. It only reads cards: nothing here touches the review schedule.
 */
export function FlipDeck({ deckId, cards, backHref }: Props) {
  const [index, setIndex] = useState(0);
  const [flipped, setFlipped] = useState(false);
  const touch = useRef<{ x: number; y: number } | null>(null);
  const swiped = useRef(false);
  const total = cards.length;
  // why: keyboard shortcuts only work once hydrated; tests (and styles) can wait for this flag.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  const move = useCallback(
    (delta: number) => {
      setIndex((i) => Math.min(total - 1, Math.max(0, i + delta)));
      setFlipped(false);
    },
    [total],
  );
  const flip = useCallback(() => setFlipped((f) => !f), []);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const el = e.target as HTMLElement | null;
      if (el && ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)) return;
      if (e.key === ' ' || e.key === 'Enter') {
        // why: Space is the flip shortcut everywhere (it must not scroll or also press a focused
        // button); Enter on a focused button or link keeps its usual meaning.
        if (e.key === 'Enter' && el && ['BUTTON', 'A'].includes(el.tagName)) return;
        e.preventDefault();
        if (!e.repeat) flip();
      } else if (e.key === 'ArrowRight') {
        e.preventDefault();
        move(1);
      } else if (e.key === 'ArrowLeft') {
        e.preventDefault();
        move(-1);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [flip, move]);

  if (total === 0) {
    return (
      <div className="card text-center">
        <p>This deck has no cards here.</p>
        <Link href={backHref} className="btn btn-secondary mt-3">
          Back to the deck
        </Link>
      </div>
    );
  }

  const card = cards[index];
  const correct = new Set(card.correct ?? []);
  const choice = card.options && card.options.length > 0;

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4" data-deck={deckId} data-ready={ready}>
      <div className="flex items-center justify-between gap-3 text-sm">
        <p data-testid="flip-position" aria-live="polite" className="font-semibold tabular-nums">
          Card {index + 1} of {total}
        </p>
        <p className="hidden text-slate-500 sm:block dark:text-slate-400">Space flips · ← → move</p>
      </div>
      <div
        className="h-2 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
        role="progressbar"
        aria-label="Position in deck"
        aria-valuemin={1}
        aria-valuemax={total}
        aria-valuenow={index + 1}
      >
        <div className="h-full bg-brand-600 transition-all" style={{ width: `${((index + 1) / total) * 100}%` }} />
      </div>

      <div
        data-testid="flip-card"
        data-side={flipped ? 'back' : 'front'}
        onClick={() => {
          if (swiped.current) swiped.current = false;
          else flip();
        }}
        onTouchStart={(e) => (touch.current = { x: e.touches[0].clientX, y: e.touches[0].clientY })}
        onTouchEnd={(e) => {
          const start = touch.current;
          touch.current = null;
          if (!start) return;
          const dx = e.changedTouches[0].clientX - start.x;
          const dy = e.changedTouches[0].clientY - start.y;
          if (Math.abs(dx) > 60 && Math.abs(dx) > 2 * Math.abs(dy)) {
            swiped.current = true;
            move(dx < 0 ? 1 : -1);
          }
        }}
        className={`card flex min-h-[18rem] cursor-pointer select-none flex-col gap-4 p-6 sm:p-8 ${
          flipped ? 'ring-2 ring-brand-500' : ''
        }`}
      >
        <div className="flex flex-wrap items-center justify-between gap-2">
          <KindBadge kind={card.kind} />
          <span className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
            {flipped ? 'Answer' : 'Question'}
          </span>
        </div>
        <h2 className="whitespace-pre-line text-xl font-semibold leading-snug sm:text-2xl">
          {card.kind === 'cloze' ? <ClozeText prompt={card.prompt} hidden={!flipped} /> : displayText(card.prompt)}
        </h2>
        {choice && (
          <ol className="flex flex-col gap-2">
            {card.options!.map((o, i) => {
              const right = flipped && correct.has(i);
              return (
                <li
                  key={i}
                  className={`flex gap-3 rounded-lg px-3 py-2 ring-1 ${
                    right
                      ? 'bg-emerald-50 font-semibold text-emerald-950 ring-2 ring-emerald-500 dark:bg-emerald-950/60 dark:text-emerald-50'
                      : flipped
                        ? 'text-slate-500 ring-slate-200 dark:text-slate-400 dark:ring-slate-700'
                        : 'ring-slate-200 dark:ring-slate-700'
                  }`}
                >
                  <span aria-hidden="true" className="font-mono text-sm">
                    {right ? '✓' : String.fromCharCode(65 + i)}
                  </span>
                  <span className="whitespace-pre-line">{displayText(o)}</span>
                  {right && <span className="sr-only">(correct)</span>}
                </li>
              );
            })}
          </ol>
        )}
        {flipped && !choice && card.kind !== 'cloze' && (
          <p className="whitespace-pre-line rounded-lg bg-emerald-50 px-4 py-3 text-lg font-semibold text-emerald-950 dark:bg-emerald-950/60 dark:text-emerald-50">
            {displayText(card.answer)}
          </p>
        )}
        {flipped && card.explanation && (
          <p className="whitespace-pre-line text-sm text-slate-700 dark:text-slate-300">{displayText(card.explanation)}</p>
        )}
        {!flipped && (
          <p className="mt-auto text-center text-sm text-slate-500 dark:text-slate-400">
            <span className="sm:hidden">Tap the card to see the answer · swipe to move</span>
            <span className="hidden sm:inline">Click the card or press Space to see the answer</span>
          </p>
        )}
        <p className="mt-auto text-xs text-slate-500 dark:text-slate-400">From: {card.section}</p>
      </div>

      {/* why: on phones the controls stay in reach of the thumb however long the card is. */}
      <div className="sticky bottom-0 -mx-4 grid grid-cols-3 gap-2 border-t border-slate-200 bg-slate-50/95 px-4 py-3 backdrop-blur sm:static sm:mx-0 sm:gap-3 sm:border-0 sm:bg-transparent sm:p-0 dark:border-slate-800 dark:bg-slate-950/95 sm:dark:bg-transparent">
        <button type="button" className="btn btn-secondary px-2 py-3" onClick={() => move(-1)} disabled={index === 0}>
          ← Previous
        </button>
        <button type="button" className="btn btn-primary px-2 py-3" onClick={flip}>
          Flip
        </button>
        <button type="button" className="btn btn-secondary px-2 py-3" onClick={() => move(1)} disabled={index === total - 1}>
          Next →
        </button>
      </div>
    </div>
  );
}

import type { Card, CardState } from '@/generated/prisma/client';
import { clozeAnswer, clozeFront } from '@/core/decks/cloze';
import { createScheduler, isLeech, type CardStateValue, type QueueSource, type ReviewSettings } from '@/core/review';

/** One answer button: rating 1-4 with the interval it would schedule ("10m", "4d"). */
export interface RatingPreview {
  rating: 1 | 2 | 3 | 4;
  label: string;
  due: string;
}

/**
 * What the study screen needs for one card. The answer key is included on purpose: this is the
 * student's own review (they flip the card), not a timed game.
 */
export interface StudyCard {
  id: string;
  deckId: string;
  deckTitle: string;
  kind: string;
  /** Front text; cloze deletions shown as [...]. */
  front: string;
  /** Back text; for cloze the full sentence, for choice kinds the correct option(s). */
  back: string;
  /** The raw prompt (cloze cards keep their {{c1::...}} markup here so the UI can highlight). */
  prompt: string;
  options: string[] | null;
  correct: number[] | null;
  accepted: string[] | null;
  explanation: string | null;
  section: string;
  /** Where the card came from in today's queue. */
  queue: QueueSource;
  /** FSRS state: 0 new, 1 learning, 2 review, 3 relearning. */
  state: CardStateValue;
  lapses: number;
  leech: boolean;
  /** Send back as expectedVersion when rating (0 for a card never studied). */
  version: number;
  previews: RatingPreview[];
}

const strings = (v: unknown): string[] | null =>
  Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : null;
const ints = (v: unknown): number[] | null =>
  Array.isArray(v) && v.every((x) => Number.isInteger(x)) ? (v as number[]) : null;

export function toStudyCard(
  card: Card & { deck: { title: string } },
  state: CardState | null,
  queue: QueueSource,
  settings: ReviewSettings,
  now: Date,
): StudyCard {
  const options = strings(card.options);
  const correct = ints(card.correct);
  const studied = state && state.state !== 0 ? state : null;
  const previews = createScheduler(settings)
    .previewIntervals(studied ? { ...studied, state: studied.state as CardStateValue } : null, now)
    .map((p) => ({ rating: p.rating, label: p.label, due: p.due.toISOString() }));
  let back = card.answer;
  if (card.kind === 'cloze') back = clozeAnswer(card.prompt);
  else if (options && correct && correct.length > 0) back = correct.map((i) => options[i] ?? '').join('; ');
  return {
    id: card.id,
    deckId: card.deckId,
    deckTitle: card.deck.title,
    kind: card.kind,
    front: card.kind === 'cloze' ? clozeFront(card.prompt) : card.prompt,
    back,
    prompt: card.prompt,
    options,
    correct,
    accepted: strings(card.accepted),
    explanation: card.explanation,
    section: card.section,
    queue,
    state: (state?.state ?? 0) as CardStateValue,
    lapses: state?.lapses ?? 0,
    leech: state?.leech ?? isLeech(state?.lapses ?? 0),
    version: state?.version ?? 0,
    previews,
  };
}

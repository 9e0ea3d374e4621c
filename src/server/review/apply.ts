import { formatInterval, type CardStateValue, type RatingValue, type SchedulerSettings, type StoredCardState } from '@/core/review';
import { cardNotFound, ReviewError } from './errors';
import { rateCard } from './rate-card';

export type ReviewSource = 'review' | 'live' | 'assignment';

export interface ApplyReviewInput {
  userId: string;
  cardId: string;
  rating: RatingValue;
  /** Client-generated id (uuid): a retried request with the same id is applied once. */
  clientId: string;
  /** The CardState version the rating was made against (0 = never studied). Omit to rate whatever is current. */
  expectedVersion?: number;
  durationMs: number;
  source: ReviewSource;
  sourceRef?: string | null;
  now: Date;
}

/** The card's schedule after a rating, as the client sees it. */
export interface CardScheduleView {
  cardId: string;
  version: number;
  due: string;
  state: CardStateValue;
  reps: number;
  lapses: number;
  suspended: boolean;
  leech: boolean;
}

export interface ApplyReviewResult {
  /** True when this clientId had already been applied: nothing changed, the stored outcome is returned. */
  replayed: boolean;
  logId: string;
  rating: RatingValue;
  card: CardScheduleView;
  /** Time until the card is due again, e.g. "10m", "4d". */
  interval: string;
  /** This rating made the card a leech: it was tagged and suspended. */
  becameLeech: boolean;
}

function view(cardId: string, row: StoredCardState): CardScheduleView {
  return {
    cardId,
    version: row.version,
    due: row.due.toISOString(),
    state: row.state,
    reps: row.reps,
    lapses: row.lapses,
    suspended: row.suspended,
    leech: row.leech,
  };
}

/**
 * Applies one rating from the review screen (or the Anki import): the HTTP-facing wrapper of the
 * one rating writer (rateCard). Idempotent per clientId (a retry gets the card's current schedule,
 * which is what a client that missed the first answer needs); a rating against an outdated version
 * is refused with 409.
 */
export async function applyReview(input: ApplyReviewInput, settings?: SchedulerSettings): Promise<ApplyReviewResult> {
  const { cardId, now } = input;
  const out = await rateCard(input, settings);
  switch (out.kind) {
    case 'written':
      return {
        replayed: false,
        logId: out.logId,
        rating: input.rating,
        card: view(cardId, out.state),
        interval: formatInterval(out.state.due.getTime() - now.getTime()),
        becameLeech: out.becameLeech,
      };
    case 'replayed': {
      const card = out.state
        ? view(cardId, out.state)
        : { cardId, version: 0, due: out.review.toISOString(), state: 0 as const, reps: 0, lapses: 0, suspended: false, leech: false };
      return {
        replayed: true,
        logId: out.logId,
        rating: out.rating,
        card,
        interval: formatInterval(new Date(card.due).getTime() - out.review.getTime()),
        becameLeech: false,
      };
    }
    case 'skipped':
      // Only quiz answers are skipped (a missing card, or already answered today); not this path's sources.
      throw cardNotFound();
    case 'refused':
      throw refusal(out.code, input.expectedVersion ?? 0, out.current);
  }
}

function refusal(code: 'card_not_found' | 'client_id_reused' | 'stale_version' | 'card_suspended', expected: number, current: number) {
  switch (code) {
    case 'card_not_found':
      return cardNotFound();
    case 'client_id_reused':
      return new ReviewError(409, 'client_id_reused', 'This clientId was already used for a different card.');
    case 'card_suspended':
      return new ReviewError(409, 'card_suspended', 'This card is suspended. Unsuspend it to study it.');
    case 'stale_version':
      return new ReviewError(
        409,
        'stale_version',
        `This card changed since it was shown (version ${expected}, now ${current}), ` +
          'perhaps in another tab. Load the card again before rating it.',
      );
  }
}

import { fsrs, type FSRSHistory } from 'ts-fsrs';
import { toFsrsCard, type CardStateFields, type RatingValue } from './card-fields';
import { fsrsParamsFor, type SchedulerSettings } from './scheduler';

/** One rating of a card as the review log keeps it. */
export interface LoggedRating {
  rating: RatingValue;
  review: Date;
}

/** The columns a parameter change rewrites. */
export interface RescheduledFields {
  stability: number;
  difficulty: number;
  due: Date;
  scheduledDays: number;
}

/**
 * Recomputes a card's memory state from its full rating history under new parameters (ts-fsrs
 * `reschedule`, replaying every rating). Review cards also get the due date the new parameters
 * give from their last review; cards in (re)learning keep their step's due date, which depends on
 * the steps, not on the parameters. Null when nothing changes.
 */
export function rescheduleCard(
  settings: SchedulerSettings,
  current: CardStateFields,
  logs: readonly LoggedRating[],
  now: Date,
): RescheduledFields | null {
  if (logs.length === 0 || current.state === 0) return null;
  const f = fsrs(fsrsParamsFor(settings));
  const history: FSRSHistory[] = logs.map((l) => ({ rating: l.rating, review: new Date(l.review.getTime()) }));
  const { collections } = f.reschedule(toFsrsCard(current), history, { now, skipManual: true, update_memory_state: true });
  const replayed = collections[collections.length - 1]?.card;
  if (!replayed) return null;
  const sameState = replayed.state === current.state;
  const next: RescheduledFields = {
    stability: replayed.stability,
    difficulty: replayed.difficulty,
    due: current.state === 2 && sameState ? new Date(replayed.due.getTime()) : current.due,
    scheduledDays: current.state === 2 && sameState ? replayed.scheduled_days : current.scheduledDays,
  };
  const unchanged =
    next.stability === current.stability &&
    next.difficulty === current.difficulty &&
    next.due.getTime() === current.due.getTime();
  return unchanged ? null : next;
}

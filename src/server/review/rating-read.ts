import { sql } from 'kysely';
import { QUIZ_SOURCES, type CardStateValue, type RatingRead, type RatingValue } from '@/core/review';
import { asBool, asDate, qb, type Runner } from '../db';
import { studyableDeck } from './access';

export interface RatingReadInput {
  userId: string;
  cardId: string;
  clientId: string;
  /** The review screen may rate only cards of decks the user may study; quiz answers any card they were asked. */
  studyableOnly: boolean;
  /** Quiz answers: the end of the answer's study day (the once-a-day rule looks before it); null otherwise. */
  quizDayEnd: Date | null;
}

/**
 * Everything a rating decides on, in ONE statement inside its transaction: the card (deck, archived,
 * studyable), the user's state row, the log of an earlier request with the same clientId and, for
 * quiz answers, the latest earlier quiz answer. why one: each statement is a round trip through
 * Prisma's raw API, and a rating is a hot path.
 */
export async function readForRating(q: Runner, a: RatingReadInput): Promise<RatingRead> {
  const query = qb()
    .selectFrom('Card as c')
    .innerJoin('Deck as d', 'd.id', 'c.deckId')
    .leftJoin('CardState as s', (j) => j.onRef('s.cardId', '=', 'c.id').on('s.userId', '=', a.userId))
    .leftJoin('ReviewLog as l', (j) => j.on('l.userId', '=', a.userId).on('l.clientId', '=', a.clientId))
    .select([
      'c.deckId as deckId',
      'c.archived as archived',
      (a.studyableOnly ? sql<boolean>`(${studyableDeck(a.userId)})` : sql.lit(true)).as('studyable'),
      's.id as stateId',
      's.due as due',
      's.stability as stability',
      's.difficulty as difficulty',
      's.elapsedDays as elapsedDays',
      's.scheduledDays as scheduledDays',
      's.learningSteps as learningSteps',
      's.reps as reps',
      's.lapses as lapses',
      's.state as state',
      's.lastReview as lastReview',
      's.suspended as suspended',
      's.buriedUntil as buriedUntil',
      's.leech as leech',
      's.version as version',
      'l.id as logId',
      'l.cardId as logCardId',
      'l.rating as logRating',
      'l.review as logReview',
      (eb) =>
        (a.quizDayEnd
          ? eb
              .selectFrom('ReviewLog as r')
              .select('r.review')
              .where('r.userId', '=', a.userId)
              .where('r.cardId', '=', a.cardId)
              .where('r.source', 'in', [...QUIZ_SOURCES])
              .where('r.undone', '=', false)
              .where('r.review', '<', a.quizDayEnd)
              .orderBy('r.review', 'desc')
              .limit(1)
          : sql<Date | null>`NULL`
        ).as('lastQuiz'),
    ])
    .where('c.id', '=', a.cardId);
  const r = await q.first(query);
  if (!r) return { deckId: null, state: null, earlier: null, lastQuizAnswer: null };
  return {
    deckId: !asBool(r.archived) && asBool(r.studyable) ? r.deckId : null,
    state:
      r.stateId === null
        ? null
        : {
            id: r.stateId,
            due: asDate(r.due)!,
            stability: r.stability!,
            difficulty: r.difficulty!,
            elapsedDays: r.elapsedDays!,
            scheduledDays: r.scheduledDays!,
            learningSteps: r.learningSteps!,
            reps: r.reps!,
            lapses: r.lapses!,
            state: r.state as CardStateValue,
            lastReview: asDate(r.lastReview),
            suspended: asBool(r.suspended),
            buriedUntil: asDate(r.buriedUntil),
            leech: asBool(r.leech),
            version: r.version!,
          },
    earlier:
      r.logId === null
        ? null
        : { logId: r.logId, cardId: r.logCardId!, rating: r.logRating as RatingValue, review: asDate(r.logReview)! },
    lastQuizAnswer: asDate(r.lastQuiz),
  };
}

/**
 * The DB half of the live-to-review bridge (docs/bridge.md). Call it after a signed-in user's quiz
 * answer is stored: from assignment answers (src/server/assignments) and from the live room's
 * answer persistence. It never throws for an unknown or archived card; it reports why it skipped.
 */
import type { Db } from '../db';
import { BRIDGE_SOURCES, bridgeClientId, ratingForAnswer, type BridgeSource } from '@/core/bridge/plan';
import { rateCard } from '../review/rate-card';

export interface QuizAnswerInput {
  userId: string;
  cardId: string;
  correct: boolean;
  source: BridgeSource;
  /** Game session id (live) or assignment attempt id (assignment). */
  sourceRef: string;
  now: Date;
}

export type QuizAnswerOutcome =
  | { applied: true; rating: number; due: Date; studyDay: string }
  | { applied: false; reason: 'duplicate' | 'already-today' | 'card-missing' };

/**
 * Updates the card's FSRS schedule for the user from one quiz answer: wrong → Again, right → Good,
 * at most once per card per study day; logs it in ReviewLog (source, sourceRef, deterministic
 * clientId) and subscribes the user to the card's deck. It is a rating like any other: it goes
 * through the one rating writer (src/server/review/rate-card.ts), with the user's own settings and
 * FSRS parameters, in one transaction checked against concurrent changes.
 *
 * The two-argument form (a Prisma client first) is kept for callers written before the data layer;
 * the client is not used: every write goes through the process's data layer (src/server/db).
 */
export async function recordQuizAnswer(input: QuizAnswerInput): Promise<QuizAnswerOutcome>;
export async function recordQuizAnswer(legacyClient: Db, input: QuizAnswerInput): Promise<QuizAnswerOutcome>;
export async function recordQuizAnswer(a: Db | QuizAnswerInput, b?: QuizAnswerInput): Promise<QuizAnswerOutcome> {
  const input = b ?? (a as QuizAnswerInput);
  if (!BRIDGE_SOURCES.includes(input.source)) throw new Error(`unknown bridge source ${String(input.source)}`);
  const rating = ratingForAnswer(input.correct);
  const out = await rateCard({
    userId: input.userId,
    cardId: input.cardId,
    rating,
    clientId: bridgeClientId(input.source, input.sourceRef, input.cardId),
    source: input.source,
    sourceRef: input.sourceRef,
    quiz: true,
    durationMs: 0,
    now: input.now,
  });
  switch (out.kind) {
    case 'written':
      return { applied: true, rating, due: out.state.due, studyDay: out.studyDay };
    case 'replayed':
      return { applied: false, reason: 'duplicate' };
    case 'skipped':
      return { applied: false, reason: out.reason };
    case 'refused':
      // Quiz answers name no version and may rate suspended cards: nothing refuses them.
      throw new Error(`quiz answer refused: ${out.code}`);
  }
}

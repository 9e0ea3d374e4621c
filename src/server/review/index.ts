/**
 * The review service: Prisma-backed daily review on top of the pure core in src/core/review.
 * Route handlers, pages and the socket server import from here.
 */
export { studyableDeckWhere, requireStudyableCard, requireStudyableDeck } from './access';
export { applyReview, type ApplyReviewInput, type ApplyReviewResult, type CardScheduleView, type ReviewSource } from './apply';
export { buryCard, leechCards, suspendCard, unsuspendCard } from './card-actions';
export { dueCountsForUser, type DeckDueCounts, type DueCounts } from './counts';
export { dayContext, doneToday, type DayContext } from './day';
export { ReviewError } from './errors';
export { nextCardForUser, studyCardForUser, type NextCardOptions, type NextCardResult } from './next-card';
export { getReviewSettings, hasSavedReviewSettings, updateReviewSettings } from './settings';
export { statsForUser, type DeckStatsRow, type ReviewStats } from './stats';
export type { RatingPreview, StudyCard } from './study-card';
export { subscribeDeck, subscribedDecks, subscriptionFlags, unsubscribeDeck, type SubscribedDeck } from './subscriptions';
export { undoLastRating, type UndoResult } from './undo';

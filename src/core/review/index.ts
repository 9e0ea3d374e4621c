/**
 * Pure spaced-repetition core (FSRS via ts-fsrs 5.4.2). The review service loads rows, calls these
 * functions with an explicit `now`, and writes the results back in one transaction.
 */
export * from './card-fields';
export * from './days';
export * from './interval-label';
export * from './leech';
export * from './new-cards';
export * from './queue';
export * from './rating-plan';
export * from './reschedule';
export * from './scheduler';
export * from './settings';
export * from './stats-activity';
export * from './stats-cards';
export * from './steps';

/** Instructor reports, class insight and warm-ups (read models over classes, games, assignments, review). */
export * from './access';
export * from './class-sessions';
export * from './session-report';
export * from './assignment-report';
export * from './class-insight';
export * from './student-report';
export * from './warmup';
export * from './question-set-deck';
export * from './class-gate';
export * from './csv-exports';
export * from './overview';
export * from './http';

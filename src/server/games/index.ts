/** Live games in the database: room persistence (sessions) and history/report queries (reports). */
export * from './sessions';
export * from './reports';

/** Live games in the database: room persistence (sessions, room-writes) and history/report queries (reports). */
export * from './sessions';
export * from './room-writes';
export * from './room-writes-sql';
export * from './reports';

/**
 * The data layer: the only code that knows which database engine runs (SQLite file or PostgreSQL).
 * - db(): the Prisma client, for ordinary queries.
 * - qb() + queries()/transaction(): typed SQL for the hot paths (review, rooms), compiled per engine.
 * See docs/operations.md for running on PostgreSQL.
 */
export { db, dbReady, engine, type Db } from './client';
export { engineOf, sqliteFile, type Engine } from './engine';
export { isRetryable } from './errors';
export { qb, queries, transaction, WriteConflict, type Runner } from './query';
export type { DB } from './schema';
export { asBool, asDate, asJson, toJson } from './values';
export { isDatabaseUnavailable, probeDatabase, redactedUrl, UNAVAILABLE_MESSAGE } from './health';
export { openDatabase } from './openers';
export { copyDatabase, type CopyProgress } from './copy';
export { indexedBy, rowsTable, type ColumnType } from './sql-dialect';

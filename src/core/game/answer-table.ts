/**
 * The answers to one question, by player id: an immutable table that is cheap to add to.
 *
 * why: the reducer never mutates state, so recording an answer used to copy the whole
 * `{ playerId: answer }` object — 1,000 keys per answer in a 1,000-player room, O(players²) per
 * question. Here the answers are spread over a fixed number of small buckets by a hash of the
 * player id; adding one copies the bucket list and one bucket (about players / 64 keys).
 * Plain JSON, so a room snapshot stores and restores it as is.
 */
import type { AnswerRecord } from './types';

const BUCKETS = 64;

export interface AnswerTable {
  /** Number of answers in the table. */
  count: number;
  buckets: Array<Record<string, AnswerRecord>>;
}

const EMPTY_BUCKET: Record<string, AnswerRecord> = Object.freeze({}) as Record<string, AnswerRecord>;

/** FNV-1a over the id's UTF-16 code units: stable on every machine, no I/O. */
function bucketOf(playerId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < playerId.length; i++) {
    h ^= playerId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % BUCKETS;
}

export function emptyAnswers(): AnswerTable {
  return { count: 0, buckets: new Array<Record<string, AnswerRecord>>(BUCKETS).fill(EMPTY_BUCKET) };
}

/** The player's answer, if any. */
export function answerOf(table: AnswerTable | undefined, playerId: string): AnswerRecord | undefined {
  if (!table) return undefined;
  const bucket = table.buckets[bucketOf(playerId)];
  return bucket && Object.hasOwn(bucket, playerId) ? bucket[playerId] : undefined;
}

/** A new table with `record` added (or replacing that player's answer). */
export function withAnswer(table: AnswerTable | undefined, record: AnswerRecord): AnswerTable {
  const base = table ?? emptyAnswers();
  const i = bucketOf(record.playerId);
  const bucket = base.buckets[i] ?? EMPTY_BUCKET;
  const buckets = base.buckets.slice();
  buckets[i] = { ...bucket, [record.playerId]: record };
  return { count: base.count + (Object.hasOwn(bucket, record.playerId) ? 0 : 1), buckets };
}

/** Every answer in the table (no particular order). */
export function allAnswers(table: AnswerTable | undefined): AnswerRecord[] {
  if (!table) return [];
  const out: AnswerRecord[] = [];
  for (const bucket of table.buckets) for (const id in bucket) out.push(bucket[id]!);
  return out;
}

/**
 * A table from what a snapshot holds: the current shape, or the `{ playerId: answer }` object
 * that snapshots written before this table existed hold.
 */
export function answerTableFrom(value: unknown): AnswerTable {
  const v = value as Partial<AnswerTable> | Record<string, AnswerRecord> | null | undefined;
  if (v && typeof v.count === 'number' && Array.isArray(v.buckets) && v.buckets.length === BUCKETS) return v as AnswerTable;
  let table = emptyAnswers();
  for (const record of Object.values((v ?? {}) as Record<string, AnswerRecord>)) {
    if (record && typeof record.playerId === 'string') table = withAnswer(table, record);
  }
  return table;
}

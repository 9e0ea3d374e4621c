import { CompiledQuery, sql, type Compilable, type RawBuilder } from 'kysely';
import { engine } from './client';

/**
 * The few pieces of SQL the two engines spell differently, for queries built with qb(). Callers
 * stay engine-neutral; this file (with the rest of src/server/db) is where the engines differ.
 */

export type ColumnType = 'text' | 'int' | 'float' | 'time' | 'bool';

type Value<T extends ColumnType> = T extends 'text' ? string : T extends 'time' ? Date : T extends 'bool' ? boolean : number;

/** A DateTime as Prisma stores it in SQLite (ISO text ending "+00:00"); string comparison orders it. */
const sqliteTime = (d: Date) => d.toISOString().replace('Z', '+00:00');

const PG_TYPES: Record<ColumnType, string> = {
  text: 'text',
  int: 'integer',
  float: 'double precision',
  time: 'timestamp(3)',
  bool: 'boolean',
};

/**
 * A list of rows as a table expression, passed as ONE parameter (JSON), for set-based statements:
 * `selectFrom(rowsTable(bounds, { i: 'int', lo: 'time', hi: 'time' }).as('b'))`, or an
 * `UPDATE ... FROM` of many rows at once. why: a statement per row costs a round trip each.
 * Values compare and assign like the columns they are typed as (times as stored on each engine).
 */
export function rowsTable<C extends Record<string, ColumnType>>(
  rows: readonly { [K in keyof C]: Value<C[K]> | null }[],
  columns: C,
): RawBuilder<{ [K in keyof C]: Value<C[K]> }> {
  const names = Object.keys(columns);
  if (engine() === 'postgres') {
    const json = JSON.stringify(rows);
    const defs = names.map((n) => `"${n}" ${PG_TYPES[columns[n]!]}`).join(', ');
    return sql`(SELECT * FROM jsonb_to_recordset(CAST(${json} AS jsonb)) AS x(${sql.raw(defs)}))`;
  }
  const json = JSON.stringify(
    rows.map((r) => {
      const out: Record<string, unknown> = {};
      for (const n of names) {
        const v = (r as Record<string, unknown>)[n];
        out[n] = v instanceof Date ? sqliteTime(v) : typeof v === 'boolean' ? (v ? 1 : 0) : v;
      }
      return out;
    }),
  );
  const cols = names.map((n) => `value ->> '${n}' AS "${n}"`).join(', ');
  return sql`(SELECT ${sql.raw(cols)} FROM json_each(${json}))`;
}

/**
 * Pins the index SQLite walks for every `"table" as "alias"` in a compiled query (PostgreSQL's planner
 * needs no hint). why: for some filters SQLite's planner picks an index that reads table rows,
 * where the named covering index answers from the index alone.
 */
export function indexedBy<O>(query: Compilable<O>, table: string, alias: string, index: string): CompiledQuery<O> {
  const c = query.compile();
  if (engine() !== 'sqlite') return c;
  const from = `"${table}" as "${alias}"`;
  if (!c.sql.includes(from)) throw new Error(`indexedBy: ${from} not in the query`);
  return CompiledQuery.raw(c.sql.replaceAll(from, `${from} INDEXED BY "${index}"`), [...c.parameters]) as CompiledQuery<O>;
}

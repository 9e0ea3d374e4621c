/**
 * Column values as the two engines' raw results give them, made the same. DateTime comes back as a
 * Date from declared columns on both engines, but as text from SQLite expressions (MAX(review));
 * Json is text on SQLite and parsed on PostgreSQL.
 */
export function asDate(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  return new Date(typeof v === 'number' ? v : String(v));
}

export function asJson<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}

/** A value for a Json column: text on SQLite, and PostgreSQL parses text into jsonb the same way. */
export const toJson = (v: unknown): string => JSON.stringify(v);

export function asBool(v: unknown): boolean {
  return v === true || v === 1 || v === '1' || v === 't';
}

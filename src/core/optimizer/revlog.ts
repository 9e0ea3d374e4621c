import { z } from 'zod';

/**
 * The FSRS optimizer's revlog CSV (the format fsrs-rs, fsrs-optimizer and srs-benchmark read):
 * one review a line, times in milliseconds since the epoch.
 */
export const REVLOG_COLUMNS = ['card_id', 'review_time', 'review_rating', 'review_state', 'review_duration'] as const;

export interface RevlogRow {
  cardId: number;
  /** ms since the epoch */
  time: number;
  /** 1 Again, 2 Hard, 3 Good, 4 Easy */
  rating: 1 | 2 | 3 | 4;
  /** 0 New, 1 Learning, 2 Review, 3 Relearning (state before the review) */
  state: number;
  durationMs: number;
}

export type RevlogParse = { ok: true; rows: RevlogRow[] } | { ok: false; message: string };

/** why: 1e11 ms is March 1973, 1e11 s is the year 5138; any real review time in seconds is below it. */
const MIN_MS_TIME = 1e11;
/** Year 2200: later "ms" values are microseconds or garbage. */
const MAX_MS_TIME = 7_258_118_400_000;

const rowSchema = z.object({
  card_id: z.coerce.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  review_time: z.coerce.number().int().positive(),
  review_rating: z.coerce.number().int(),
  review_state: z.coerce.number().int().min(0).max(4),
  review_duration: z.coerce.number().int().nonnegative(),
});

const fail = (message: string): RevlogParse => ({ ok: false, message });

/**
 * Parses and validates a revlog CSV. Every problem gets one message naming the line, so a user can
 * fix the file; nothing is silently dropped or reordered (a reordered log would fit other parameters).
 */
export function parseRevlogCsv(text: string): RevlogParse {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  if (lines.length === 0) return fail('The revlog is empty: expected a header line and one line per review.');
  const header = lines[0].split(',').map((h) => h.trim());
  const unknown = header.filter((h) => !(REVLOG_COLUMNS as readonly string[]).includes(h));
  if (unknown.length > 0) {
    return fail(`Unknown column(s) ${unknown.map((u) => `"${u}"`).join(', ')}: expected exactly ${REVLOG_COLUMNS.join(',')}.`);
  }
  const missing = REVLOG_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0 || header.length !== REVLOG_COLUMNS.length) {
    return fail(`Missing or repeated column(s) ${missing.join(', ') || '(repeated)'}: expected exactly ${REVLOG_COLUMNS.join(',')}.`);
  }
  const rows: RevlogRow[] = [];
  const lastTime = new Map<number, number>();
  for (let i = 1; i < lines.length; i++) {
    const lineNo = i + 1;
    const cells = lines[i].split(',').map((c) => c.trim());
    if (cells.length !== header.length) {
      return fail(`Line ${lineNo}: expected ${header.length} values, found ${cells.length}.`);
    }
    const record = Object.fromEntries(header.map((h, k) => [h, cells[k] === '' ? undefined : cells[k]]));
    const parsed = rowSchema.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail(`Line ${lineNo}: ${String(issue.path[0])} ${issue.message.toLowerCase()} (got "${record[String(issue.path[0])] ?? ''}").`);
    }
    const r = parsed.data;
    if (r.review_rating < 1 || r.review_rating > 4) {
      return fail(`Line ${lineNo}: review_rating ${r.review_rating} is outside 1–4 (1 Again, 2 Hard, 3 Good, 4 Easy).`);
    }
    if (r.review_time < MIN_MS_TIME) {
      return fail(
        `Line ${lineNo}: review_time ${r.review_time} looks like seconds; times must be milliseconds since the epoch (multiply by 1000).`,
      );
    }
    if (r.review_time > MAX_MS_TIME) {
      return fail(`Line ${lineNo}: review_time ${r.review_time} is after the year 2200; times must be milliseconds since the epoch.`);
    }
    const previous = lastTime.get(r.card_id);
    if (previous !== undefined && r.review_time === previous) {
      return fail(`Line ${lineNo}: duplicate review of card ${r.card_id} at ${r.review_time}.`);
    }
    if (previous !== undefined && r.review_time < previous) {
      return fail(`Line ${lineNo}: reviews of card ${r.card_id} are not sorted by review_time (${r.review_time} after ${previous}).`);
    }
    lastTime.set(r.card_id, r.review_time);
    rows.push({
      cardId: r.card_id,
      time: r.review_time,
      rating: r.review_rating as RevlogRow['rating'],
      state: r.review_state,
      durationMs: r.review_duration,
    });
  }
  return { ok: true, rows };
}

/** Writes rows in the same format (the header first), so any FSRS tool reads our history. */
export function formatRevlogCsv(rows: readonly RevlogRow[]): string {
  const out = [REVLOG_COLUMNS.join(',')];
  for (const r of rows) out.push(`${r.cardId},${r.time},${r.rating},${r.state},${r.durationMs}`);
  return `${out.join('\n')}\n`;
}

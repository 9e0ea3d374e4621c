import { describe, expect, it } from 'vitest';
import { formatRevlogCsv, parseRevlogCsv, type RevlogRow } from '@/core/optimizer';

const HEADER = 'card_id,review_time,review_rating,review_state,review_duration';
const T = Date.UTC(2026, 0, 5, 9); // ms
const csv = (...lines: string[]) => [HEADER, ...lines].join('\n');

function message(text: string): string {
  const r = parseRevlogCsv(text);
  if (r.ok) throw new Error('expected the revlog to be refused');
  return r.message;
}

describe('parseRevlogCsv', () => {
  it('reads rows, in any column order, with CRLF line ends and a trailing newline', () => {
    const text = `review_rating,card_id,review_time,review_duration,review_state\r\n3,7,${T},4200,0\r\n1,7,${T + 86_400_000},900,2\r\n`;
    const r = parseRevlogCsv(text);
    expect(r).toEqual({
      ok: true,
      rows: [
        { cardId: 7, time: T, rating: 3, state: 0, durationMs: 4200 },
        { cardId: 7, time: T + 86_400_000, rating: 1, state: 2, durationMs: 900 },
      ],
    });
  });

  it('accepts cards interleaved as long as each card is in time order', () => {
    const r = parseRevlogCsv(csv(`1,${T},3,0,1`, `2,${T - 5000},3,0,1`, `1,${T + 60_000},3,1,1`));
    expect(r.ok && r.rows.map((x) => x.cardId)).toEqual([1, 2, 1]);
  });

  it('round-trips through formatRevlogCsv', () => {
    const rows: RevlogRow[] = [
      { cardId: 1, time: T, rating: 4, state: 0, durationMs: 0 },
      { cardId: 2, time: T + 1, rating: 2, state: 0, durationMs: 12_000 },
    ];
    expect(parseRevlogCsv(formatRevlogCsv(rows))).toEqual({ ok: true, rows });
  });

  it('names an unknown column', () => {
    expect(message(`card_id,review_time,review_rating,review_state,review_duration,ease\n1,${T},3,0,1,250`)).toMatch(
      /Unknown column\(s\) "ease"/,
    );
  });

  it('names a missing column', () => {
    expect(message(`card_id,review_time,review_rating,review_state\n1,${T},3,0`)).toMatch(/Missing .*review_duration/);
  });

  it('refuses a card whose reviews go back in time, naming the line', () => {
    expect(message(csv(`1,${T},3,0,1`, `1,${T - 1000},3,2,1`))).toBe(
      `Line 3: reviews of card 1 are not sorted by review_time (${T - 1000} after ${T}).`,
    );
  });

  it('refuses a duplicate review', () => {
    expect(message(csv(`1,${T},3,0,1`, `1,${T},3,0,1`))).toBe(`Line 3: duplicate review of card 1 at ${T}.`);
  });

  it.each(['0', '5', '-1'])('refuses rating %s', (rating) => {
    expect(message(csv(`1,${T},${rating},0,1`))).toMatch(/^Line 2: review_rating -?\d is outside 1–4/);
  });

  it('recognises times in seconds and says how to fix them', () => {
    expect(message(csv(`1,${Math.floor(T / 1000)},3,0,1`))).toMatch(/looks like seconds.*multiply by 1000/);
  });

  it('refuses non-numbers and wrong value counts with the line number', () => {
    expect(message(csv(`1,${T},good,0,1`))).toMatch(/^Line 2: review_rating/);
    expect(message(csv(`1,${T},3,0`))).toBe('Line 2: expected 5 values, found 4.');
    expect(message(csv(`x1,${T},3,0,1`))).toMatch(/^Line 2: card_id/);
  });

  it('refuses an empty file', () => {
    expect(message('')).toMatch(/empty/);
  });
});

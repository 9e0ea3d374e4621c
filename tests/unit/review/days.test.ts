import { describe, expect, it } from 'vitest';
import { addDays, createDayIndexer, dayEnd, dayStart, daysBetween, studyDayOf, studyDayRange } from '@/core/review/days';

const at = (iso: string) => new Date(iso);

describe('studyDayOf', () => {
  it('puts 03:30 local before a 04:00 rollover on the previous day', () => {
    // 03:30 in New York (EST, UTC-5) on 2026-01-06
    expect(studyDayOf(at('2026-01-06T08:30:00Z'), 'America/New_York', 4)).toBe('2026-01-05');
    // 04:00 exactly starts the new day
    expect(studyDayOf(at('2026-01-06T09:00:00Z'), 'America/New_York', 4)).toBe('2026-01-06');
  });

  it('uses the local calendar, not UTC', () => {
    // 2026-01-05 23:00Z is 04:30 on the 6th in Kolkata (+5:30) and 12:00 on the 6th in Auckland (+13)
    expect(studyDayOf(at('2026-01-05T23:00:00Z'), 'Asia/Kolkata', 4)).toBe('2026-01-06');
    expect(studyDayOf(at('2026-01-05T22:29:00Z'), 'Asia/Kolkata', 4)).toBe('2026-01-05');
    expect(studyDayOf(at('2026-01-05T23:00:00Z'), 'Pacific/Auckland', 4)).toBe('2026-01-06');
    expect(studyDayOf(at('2026-01-05T23:00:00Z'), 'UTC', 4)).toBe('2026-01-05');
  });

  it('with rollover 0 the study day is the calendar day', () => {
    expect(studyDayOf(at('2026-01-06T00:00:00Z'), 'UTC', 0)).toBe('2026-01-06');
    expect(studyDayOf(at('2026-01-05T23:59:59Z'), 'UTC', 0)).toBe('2026-01-05');
  });

  it('keeps the rollover at 04:00 local on both sides of a DST change', () => {
    // New York springs forward on 2026-03-08 at 02:00 EST. 03:59 EDT is 07:59Z.
    expect(studyDayOf(at('2026-03-08T07:59:00Z'), 'America/New_York', 4)).toBe('2026-03-07');
    expect(studyDayOf(at('2026-03-08T08:00:00Z'), 'America/New_York', 4)).toBe('2026-03-08');
  });
});

describe('dayStart / dayEnd', () => {
  it('starts at the rollover hour in fixed-offset and half-hour zones', () => {
    expect(dayStart('2026-01-05', 'UTC', 4).toISOString()).toBe('2026-01-05T04:00:00.000Z');
    expect(dayStart('2026-01-05', 'Asia/Kolkata', 4).toISOString()).toBe('2026-01-04T22:30:00.000Z');
    expect(dayStart('2026-01-05', 'America/New_York', 4).toISOString()).toBe('2026-01-05T09:00:00.000Z');
    // Auckland is on daylight time (+13) in January
    expect(dayStart('2026-01-05', 'Pacific/Auckland', 4).toISOString()).toBe('2026-01-04T15:00:00.000Z');
  });

  it('gives a 23-hour day when the clocks spring forward and a 25-hour one when they fall back', () => {
    const ny = (d: string) => dayStart(d, 'America/New_York', 4).getTime();
    expect((ny('2026-03-08') - ny('2026-03-07')) / 3_600_000).toBe(23);
    expect((ny('2026-11-01') - ny('2026-10-31')) / 3_600_000).toBe(25);
    expect(dayEnd('2026-03-07', 'America/New_York', 4).getTime()).toBe(ny('2026-03-08'));
    // Auckland: DST ends 2026-04-05 (03:00 NZDT -> 02:00 NZST), starts 2026-09-27 (02:00 -> 03:00)
    const akl = (d: string) => dayStart(d, 'Pacific/Auckland', 4).getTime();
    expect((akl('2026-04-05') - akl('2026-04-04')) / 3_600_000).toBe(25);
    expect((akl('2026-09-27') - akl('2026-09-26')) / 3_600_000).toBe(23);
  });

  it('a rollover hour that does not exist starts the day when the clocks jump', () => {
    // 02:00 on 2026-03-08 does not exist in New York; clocks jump at 07:00Z to 03:00 EDT.
    expect(dayStart('2026-03-08', 'America/New_York', 2).toISOString()).toBe('2026-03-08T07:00:00.000Z');
    // Auckland: 02:00 NZST on 2026-09-27 is skipped at 14:00Z.
    expect(dayStart('2026-09-27', 'Pacific/Auckland', 2).toISOString()).toBe('2026-09-26T14:00:00.000Z');
  });

  it('studyDayRange gives the day and its bounds', () => {
    expect(studyDayRange(at('2026-01-06T08:30:00Z'), 'America/New_York', 4)).toEqual({
      day: '2026-01-05',
      start: at('2026-01-05T09:00:00Z'),
      end: at('2026-01-06T09:00:00Z'),
    });
  });

  it('a repeated rollover hour takes its first occurrence', () => {
    // 01:00 on 2026-11-01 happens twice in New York: EDT (05:00Z) then EST (06:00Z).
    expect(dayStart('2026-11-01', 'America/New_York', 1).toISOString()).toBe('2026-11-01T05:00:00.000Z');
  });

  it('round-trips: the start of a day belongs to that day, one ms earlier to the previous one', () => {
    for (const tz of ['America/New_York', 'Asia/Kolkata', 'Pacific/Auckland', 'Europe/London']) {
      for (const day of ['2026-01-05', '2026-03-08', '2026-03-29', '2026-04-05', '2026-09-27', '2026-11-01']) {
        const start = dayStart(day, tz, 4);
        expect(studyDayOf(start, tz, 4)).toBe(day);
        expect(studyDayOf(new Date(start.getTime() - 1), tz, 4)).toBe(addDays(day, -1));
      }
    }
  });
});

describe('day arithmetic', () => {
  it('adds days across months and leap years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2025-12-31', '2026-03-01')).toBe(60);
  });

  it('rejects malformed days', () => {
    expect(() => addDays('2026-1-5', 1)).toThrow(/YYYY-MM-DD/);
  });

  it('indexes instants into study days, -1 outside the range', () => {
    const idx = createDayIndexer('2026-03-07', '2026-03-09', 'America/New_York', 4);
    expect(idx.days).toEqual(['2026-03-07', '2026-03-08', '2026-03-09']);
    expect(idx.indexOf(at('2026-03-07T08:59:59Z'))).toBe(-1);
    expect(idx.indexOf(at('2026-03-07T09:00:00Z'))).toBe(0);
    expect(idx.indexOf(at('2026-03-08T07:59:00Z'))).toBe(0);
    expect(idx.indexOf(at('2026-03-08T08:00:00Z'))).toBe(1);
    expect(idx.indexOf(at('2026-03-10T07:59:59Z'))).toBe(2);
    expect(idx.indexOf(at('2026-03-10T08:00:00Z'))).toBe(-1);
  });
});

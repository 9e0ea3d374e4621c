import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REVIEW_SETTINGS,
  isValidTimeZone,
  parseReviewSettings,
  reviewSettingsSchema,
} from '@/core/review/settings';
import { parseSteps, toFsrsSteps } from '@/core/review/steps';

describe('review settings', () => {
  it('defaults match the UserSettings column defaults', () => {
    expect(DEFAULT_REVIEW_SETTINGS).toEqual({
      desiredRetention: 0.9,
      newPerDay: 20,
      maxReviewsPerDay: 200,
      learningSteps: '1m 10m',
      relearningSteps: '10m',
      maxIntervalDays: 36500,
      timeZone: 'UTC',
      dayRolloverHour: 4,
    });
  });

  it('accepts a DB row with extra columns and drops them', () => {
    const s = parseReviewSettings({ ...DEFAULT_REVIEW_SETTINGS, userId: 'u1', timeZone: 'Asia/Kolkata' });
    expect(s.timeZone).toBe('Asia/Kolkata');
    expect('userId' in s).toBe(false);
  });

  it.each([
    ['desiredRetention', 0.69],
    ['desiredRetention', 0.98],
    ['newPerDay', -1],
    ['newPerDay', 10000],
    ['newPerDay', 2.5],
    ['dayRolloverHour', 24],
    ['dayRolloverHour', -1],
    ['timeZone', 'Mars/Olympus_Mons'],
    ['timeZone', ''],
    ['learningSteps', '1x'],
    ['learningSteps', '10'],
    ['relearningSteps', '0m'],
    ['learningSteps', '400d'],
  ])('rejects %s = %j', (key, value) => {
    expect(reviewSettingsSchema.safeParse({ [key]: value }).success).toBe(false);
  });

  it('accepts the range ends and canonicalises steps', () => {
    const s = parseReviewSettings({
      desiredRetention: 0.97,
      newPerDay: 0,
      dayRolloverHour: 23,
      learningSteps: ' 30S  5m,1h ',
      relearningSteps: '',
    });
    expect(s.desiredRetention).toBe(0.97);
    expect(s.learningSteps).toBe('30s 5m 1h');
    expect(s.relearningSteps).toBe('');
  });

  it('validates time zones through Intl', () => {
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('Pacific/Auckland')).toBe(true);
    expect(isValidTimeZone('Not/AZone')).toBe(false);
  });
});

describe('learning steps', () => {
  it('parses s m h d units into milliseconds', () => {
    const r = parseSteps('30s 10m 1.5h 2d');
    expect(r).toEqual({
      ok: true,
      steps: [
        { text: '30s', ms: 30_000 },
        { text: '10m', ms: 600_000 },
        { text: '1.5h', ms: 5_400_000 },
        { text: '2d', ms: 172_800_000 },
      ],
    });
  });

  it('reports the bad token', () => {
    const r = parseSteps('1m ten');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('"ten"');
  });

  it('hands whole-minute steps to ts-fsrs unchanged and rounds seconds up to minutes', () => {
    const r = parseSteps('1m 10m 1d 30s 90s');
    if (!r.ok) throw new Error(r.error);
    expect(toFsrsSteps(r.steps)).toEqual(['1m', '10m', '1440m', '1m', '2m']);
  });
});

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_PARAMS,
  formatRevlogCsv,
  groupByCard,
  logLoss,
  predictReviews,
  simulateRevlog,
  type RevlogRow,
} from '@/core/optimizer';
import { optimizeRevlog } from '@/server/optimizer/optimize';

const run = promisify(execFile);

/** The true memory model of the simulated student: FSRS-6 with parameters far from the defaults. */
const TRUE_W = [0.6, 2.0, 4.5, 12.0, 6.8, 0.7, 1.8, 0.02, 1.9, 0.25, 1.1, 1.6, 0.08, 0.35, 1.8, 0.4, 2.5, 0.7, 0.4, 0.15, 0.35];
const START = Date.UTC(2026, 0, 5, 9);

let rows: RevlogRow[];
let tmp: string;

beforeAll(() => {
  rows = simulateRevlog({ w: TRUE_W, reviews: 6000, seed: 20260105, startMs: START });
  tmp = fs.mkdtempSync(path.join(process.env.STUDYROOM_TEST_TMP ?? '/tmp', 'revlog-'));
});

describe('fitting FSRS-6 on a simulated history (fsrs-rs on a worker thread)', () => {
  it('beats the defaults on held-out cards and stays behind the true model', async () => {
    const progress: number[] = [];
    const result = await optimizeRevlog(rows, { holdout: 0.2, seed: 3 }, (p) => progress.push(p.done));
    if (!result.ok) throw new Error(result.message);
    const r = result.report;
    expect(r.invalid).toBeNull();
    expect(r.params).toHaveLength(21);
    expect(r.fitted.logLoss).toBeLessThan(r.default.logLoss);
    expect(r.fitted.rmseBins).toBeLessThan(r.default.rmseBins);
    expect(r.better).toBe(true);
    // The true parameters are the best anyone can do on this data: the fit lands between them and the defaults.
    const held = new Set(r.holdoutCards);
    const heldHistories = groupByCard(rows.filter((x) => held.has(x.cardId)));
    expect(logLoss(predictReviews(TRUE_W, heldHistories))).toBeLessThan(r.fitted.logLoss);
    expect(progress.length).toBeGreaterThan(0);
    // Anyone can recompute the printed figure from holdoutCards and params.
    expect(logLoss(predictReviews(r.params, heldHistories))).toBeCloseTo(r.fitted.logLoss, 12);
    expect(logLoss(predictReviews(DEFAULT_PARAMS, heldHistories))).toBeCloseTo(r.default.logLoss, 12);
  });

  it('refuses a history below the minimum with a message instead of fitting noise', async () => {
    const result = await optimizeRevlog(rows.slice(0, 300), { holdout: 0.2, seed: 1 });
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/^Too little history to fit: 300 reviews of \d+ cards/) });
  });
});

describe('npm run fsrs -- optimize', () => {
  const cli = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'scripts/fsrs.ts', ...args], { cwd: process.cwd() }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it('prints exactly the documented JSON, evaluated on the held-out cards', async () => {
    const file = path.join(tmp, 'good.csv');
    fs.writeFileSync(file, formatRevlogCsv(rows));
    const { code, stdout } = await cli('optimize', file, '--json', '--holdout', '0.25', '--seed', '5');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]);
    expect(Object.keys(out)).toEqual(['reviews', 'cards', 'holdoutCards', 'params', 'default', 'fitted']);
    expect(out.reviews).toBe(rows.length);
    expect(out.cards).toBe(new Set(rows.map((x) => x.cardId)).size);
    expect(out.holdoutCards).toHaveLength(Math.round(out.cards * 0.25));
    expect(Object.keys(out.default)).toEqual(['logLoss', 'rmseBins']);
    expect(out.fitted.logLoss).toBeLessThan(out.default.logLoss);
    const held = new Set<number>(out.holdoutCards);
    expect(logLoss(predictReviews(out.params, groupByCard(rows.filter((x) => held.has(x.cardId)))))).toBeCloseTo(
      out.fitted.logLoss,
      12,
    );
  });

  it.each([
    ['unknown column', 'card_id,review_time,review_rating,review_state,review_duration,ease\n', /Unknown column\(s\) "ease"/],
    ['seconds', `card_id,review_time,review_rating,review_state,review_duration\n1,${START / 1000},3,0,1\n`, /looks like seconds/],
    ['rating 5', `card_id,review_time,review_rating,review_state,review_duration\n1,${START},5,0,1\n`, /outside 1–4/],
    ['too little', formatRevlogCsv(simulateRevlog({ w: TRUE_W, reviews: 100, seed: 1, startMs: START })), /Too little history/],
  ])('exits non-zero with one clear line on %s', async (name, text, pattern) => {
    const file = path.join(tmp, `${name.replace(/\W/g, '-')}.csv`);
    fs.writeFileSync(file, text);
    const { code, stdout, stderr } = await cli('optimize', file, '--json');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(pattern);
  });
});

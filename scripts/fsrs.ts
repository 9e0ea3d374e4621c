/**
 * FSRS tool: `npm run --silent fsrs -- <command>`. Arguments and I/O only; the work is in
 * src/core/optimizer (pure) and src/server/optimizer (fsrs-rs on a worker thread).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatRevlogCsv, parseRevlogCsv } from '../src/core/optimizer';
import { optimizeRevlog } from '../src/server/optimizer/optimize';

const USAGE = `Usage: npm run --silent fsrs -- <command> [options]

Commands:
  optimize <revlog.csv> [--json] [--holdout 0.2] [--seed 1]
        fit FSRS-6's 21 parameters on the training cards and compare them with the defaults
        on the held-out cards (log loss and RMSE(bins))
  export-revlog [--user <email> | --class <class-id>]
        print this server's review history as a revlog CSV (card ids renumbered 1, 2, ...)
  --help  show this help

The revlog CSV has the header card_id,review_time,review_rating,review_state,review_duration
(times in ms since the epoch). See docs/fsrs-optimizer.md.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === 'optimize') return optimize(rest);
  if (command === 'export-revlog') return exportRevlog(rest);
  console.error(`unknown command '${command}'\n\n${USAGE}`);
  return 2;
}

/** JSON has no NaN; a figure that cannot be computed prints as null. */
const num = (x: number) => (Number.isFinite(x) ? x : null);

async function optimize(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, holdout: { type: 'string' }, seed: { type: 'string' } },
  });
  if (positionals.length !== 1) {
    console.error('optimize: give exactly one revlog CSV file');
    return 2;
  }
  const holdout = values.holdout === undefined ? 0.2 : Number(values.holdout);
  if (!(holdout > 0 && holdout < 1)) {
    console.error(`optimize: --holdout must be a number between 0 and 1, got "${values.holdout}"`);
    return 2;
  }
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isSafeInteger(seed)) {
    console.error(`optimize: --seed must be an integer, got "${values.seed}"`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(positionals[0], 'utf8');
  } catch (err) {
    console.error(`optimize: cannot read ${positionals[0]}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    return 1;
  }
  const parsed = parseRevlogCsv(text);
  if (!parsed.ok) {
    console.error(`${positionals[0]}: ${parsed.message}`);
    return 1;
  }
  let last = -1;
  // why: a progress line rewritten with \r suits a terminal, not a log file or a pipe.
  const showProgress = !values.json && process.stderr.isTTY;
  const result = await optimizeRevlog(parsed.rows, { holdout, seed }, !showProgress ? undefined : ({ done, total }) => {
    const pct = total > 0 ? Math.floor((100 * done) / total) : 0;
    if (pct !== last) process.stderr.write(`\rfitting… ${pct}%`);
    last = pct;
  });
  if (showProgress) process.stderr.write('\n');
  if (!result.ok) {
    console.error(`${positionals[0]}: ${result.message}`);
    return 1;
  }
  const r = result.report;
  if (r.invalid) {
    console.error(`${positionals[0]}: the fit produced invalid parameters (${r.invalid}); keep the defaults.`);
    return 1;
  }
  const out = {
    reviews: r.reviews,
    cards: r.cards,
    holdoutCards: r.holdoutCards,
    params: r.params,
    default: { logLoss: num(r.default.logLoss), rmseBins: num(r.default.rmseBins) },
    fitted: { logLoss: num(r.fitted.logLoss), rmseBins: num(r.fitted.rmseBins) },
  };
  if (values.json) console.log(JSON.stringify(out));
  else {
    console.log(`${r.reviews} reviews of ${r.cards} cards; ${r.holdoutCards.length} cards held out for evaluation.`);
    console.log(`parameters: ${r.params.join(', ')}`);
    console.log(`held-out log loss  default ${r.default.logLoss.toFixed(4)}  fitted ${r.fitted.logLoss.toFixed(4)}`);
    console.log(`held-out RMSE(bins) default ${r.default.rmseBins.toFixed(4)}  fitted ${r.fitted.rmseBins.toFixed(4)}`);
  }
  if (!r.better) console.error('note: the fitted parameters do not beat the defaults on the held-out cards; keep the defaults.');
  return 0;
}

async function exportRevlog(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { user: { type: 'string' }, class: { type: 'string' } } });
  if (values.user && values.class) {
    console.error('export-revlog: give --user or --class, not both');
    return 2;
  }
  const { exportRevlogRows } = await import('../src/server/optimizer/export');
  const result = await exportRevlogRows(values.user ? { userEmail: values.user } : values.class ? { classId: values.class } : {});
  if (!result.ok) {
    console.error(`export-revlog: ${result.message}`);
    return 1;
  }
  process.stdout.write(formatRevlogCsv(result.rows));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`fsrs: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);

/**
 * `npm run db:copy -- --from <url> --to <url>`: copies every row of one StudyRoom database into
 * another, empty one (e.g. a school's SQLite file onto PostgreSQL). Migrate the target first; stop
 * the server that uses the source while copying. See docs/operations.md.
 */
import { parseArgs } from 'node:util';
import { copyDatabase } from '../src/server/db/copy';

const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } });
if (!values.from || !values.to) {
  console.error('usage: npm run db:copy -- --from <file:...|postgresql://...> --to <file:...|postgresql://...>');
  process.exit(2);
}
const started = Date.now();
const tty = process.stdout.isTTY;
try {
  const counts = await copyDatabase(values.from, values.to, (p) => {
    // why: a big table takes minutes; on a terminal its count moves in place, in a log it is one line.
    if (tty) process.stdout.write(`\r${p.table}: ${p.copied}/${p.total}${p.copied === p.total ? '\n' : ''}`);
    else if (p.copied === p.total) console.log(`${p.table}: ${p.total}`);
  });
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`copied ${rows} rows in ${Object.keys(counts).length} tables in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (err) {
  console.error(`db:copy failed, nothing was written: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}

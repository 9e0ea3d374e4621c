/**
 * Deck tool: `npm run deck -- <command>`. File I/O and arguments only; the work is in src/core/decks.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importAnki } from '../src/core/decks/anki-import';
import { buildDeck, formatBuildSummary } from '../src/core/decks/builder';
import { checkDeckFiles, formatProblem, formatSummary } from '../src/core/decks/deck-check';
import { serializeDeck } from '../src/core/decks/deck-file';
import { toExportCsv, toExportJson } from '../src/core/decks/deck-export';
import { slugify } from '../src/core/decks/slug';

const DEFAULT_DIR = path.join('content', 'decks');

const USAGE = `Usage: npm run deck -- <command> [options]

Commands:
  check [dir]                              validate every <dir>/*.deck (default ${DEFAULT_DIR})
  export <deck-id|all> --format json|csv   print decks as JSON or CSV [--dir <dir>]
  build <file> [--out <file.deck>] [--id <deck-id>] [--title <title>] [--topic <topic>]
                                           draft a deck from a study document (summary on stderr)
  import <file.csv|file.tsv> --deck <id> --title <title> [--out <file.deck>]
                                           import an Anki-style text export (front, back, tags)
  --help                                   show this help

See docs/deck-format.md for the deck file format.`;

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return command === undefined ? 2 : 0;
  }
  switch (command) {
    case 'check':
      return check(rest);
    case 'export':
      return exportDecks(rest);
    case 'build':
      return build(rest);
    case 'import':
      return importFile(rest);
    default:
      console.error(`unknown command '${command}'\n\n${USAGE}`);
      return 2;
  }
}

function readDeckDir(dir: string): { name: string; text: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.deck'))
    .map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }));
}

function check(args: string[]): number {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const dir = positionals[0] ?? DEFAULT_DIR;
  if (!existsSync(dir)) {
    console.error(`${dir}: no such directory`);
    return 1;
  }
  const result = checkDeckFiles(readDeckDir(dir));
  for (const p of result.problems) console.error(formatProblem({ ...p, file: path.join(dir, p.file) }));
  if (result.problems.length > 0) {
    console.error(`${result.problems.length} problem(s)`);
    return 1;
  }
  console.log(`ok: ${formatSummary(result.summary)}`);
  return 0;
}

function exportDecks(args: string[]): number {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'json' }, dir: { type: 'string', default: DEFAULT_DIR } },
  });
  const which = positionals[0];
  if (!which || (values.format !== 'json' && values.format !== 'csv')) {
    console.error(`usage: export <deck-id|all> --format json|csv`);
    return 2;
  }
  const result = checkDeckFiles(readDeckDir(values.dir));
  if (result.problems.length > 0) {
    for (const p of result.problems) console.error(formatProblem({ ...p, file: path.join(values.dir, p.file) }));
    return 1;
  }
  const decks = which === 'all' ? result.decks : result.decks.filter((d) => d.id === which);
  if (decks.length === 0) {
    console.error(`no deck '${which}' in ${values.dir}`);
    return 1;
  }
  process.stdout.write(values.format === 'json' ? `${JSON.stringify(toExportJson(decks), null, 2)}\n` : toExportCsv(decks));
  return 0;
}

function build(args: string[]): number {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string' }, id: { type: 'string' }, title: { type: 'string' }, topic: { type: 'string' } },
  });
  const file = positionals[0];
  if (!file) {
    console.error('usage: build <file> [--out <file.deck>] [--id <deck-id>] [--title <title>]');
    return 2;
  }
  const base = path.basename(file).replace(/\.[^.]+$/, '');
  const result = buildDeck(readFileSync(file), {
    id: values.id ?? (values.out ? path.basename(values.out, '.deck') : slugify(base) || 'draft'),
    title: values.title,
    topic: values.topic,
    source: path.basename(file),
  });
  if (!result.ok) {
    console.error(`${file}: ${result.error}`);
    return 1;
  }
  console.error(formatBuildSummary(result.summary));
  return write(serializeDeck(result.deck), values.out);
}

function importFile(args: string[]): number {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { deck: { type: 'string' }, title: { type: 'string' }, out: { type: 'string' }, section: { type: 'string' } },
  });
  const file = positionals[0];
  if (!file || !values.deck || !values.title) {
    console.error('usage: import <file.csv|file.tsv> --deck <id> --title <title> [--out <file.deck>]');
    return 2;
  }
  const result = importAnki(readFileSync(file, 'utf8'), {
    deckId: values.deck,
    title: values.title,
    section: values.section,
    separator: file.toLowerCase().endsWith('.tsv') ? '\t' : undefined,
  });
  for (const w of result.warnings) console.error(`${file}: warning: ${w}`);
  if (!result.ok) {
    for (const e of result.errors) console.error(formatProblem({ file, ...e }));
    return 1;
  }
  console.error(`imported ${result.deck.cards.length} card(s)`);
  return write(serializeDeck(result.deck), values.out);
}

function write(text: string, out: string | undefined): number {
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
  return 0;
}

// why: `deck export all | head` closes the pipe early; that is not a failure.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  // why: parseArgs throws on unknown options; report them like other usage errors.
  console.error(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
  process.exitCode = 2;
}

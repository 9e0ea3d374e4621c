/**
 * Deck tool: `npm run deck -- <command>`. File I/O and arguments only; the work is in src/core/decks.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildDeck, formatBuildSummary } from '../src/core/decks/builder';
import { checkDeckFiles, formatProblem, formatSummary } from '../src/core/decks/deck-check';
import { serializeDeck } from '../src/core/decks/deck-file';
import { toExportCsv, toExportJson } from '../src/core/decks/deck-export';
import type { DeckError } from '../src/core/decks/deck-lex';
import { idProblem } from '../src/core/decks/deck-validate';
import { importDeckText, type ImportedDeck } from '../src/core/decks/import-text';
import { slugify } from '../src/core/decks/slug';
import { MAX_INPUT_BYTES, decodeText, tooLargeError } from '../src/core/decks/text-decode';
import { MAX_PACKAGE_BYTES, readAnkiPackage } from '../src/server/decks/anki/read-package';
import { writeAnkiPackage } from '../src/server/decks/anki/write-package';
import { MAX_PDF_BYTES, looksLikePdf, pdfToText } from '../src/server/decks/pdf-text';

const DEFAULT_DIR = path.join('content', 'decks');

const USAGE = `Usage: npm run deck -- <command> [options]

Commands:
  check [dir]                              validate every <dir>/*.deck (default ${DEFAULT_DIR})
  export <deck-id|all> --format json|csv|apkg [--out <file>] [--dir <dir>]
                                           print decks as JSON or CSV, or write an Anki package
  build <file> [--out <file.deck>] [--id <deck-id>] [--title <title>] [--topic <topic>] [--json]
                                           draft a deck from a study document: Markdown, text,
                                           HTML or PDF (text layer) (summary on stderr);
                                           --json prints it in the export JSON shape, writing nothing
  import <file> [--deck <id>] [--title <title>] [--out <file.deck>] [--json] [--skip-bad-rows]
                                           import an Anki text export (.csv/.tsv/.txt), our own
                                           JSON/CSV export, or an Anki package (.apkg/.colpkg);
                                           --json prints the decks (with review history), writing nothing
  --help                                   show this help

See docs/deck-format.md for the deck file format.`;

function main(argv: string[]): number | Promise<number> {
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
    options: { format: { type: 'string', default: 'json' }, dir: { type: 'string', default: DEFAULT_DIR }, out: { type: 'string' } },
  });
  const which = positionals[0];
  if (!which || !['json', 'csv', 'apkg'].includes(values.format)) {
    console.error(`usage: export <deck-id|all> --format json|csv|apkg [--out <file>]`);
    return 2;
  }
  if (values.format === 'apkg' && !values.out) {
    console.error('export --format apkg needs --out <file.apkg> (a package is binary)');
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
  if (values.format === 'apkg') {
    writeFileSync(values.out!, writeAnkiPackage(decks, new Date()));
    console.error(`wrote ${values.out}: ${decks.length} deck(s), ${decks.reduce((n, d) => n + d.cards.length, 0)} card(s)`);
    return 0;
  }
  const text = values.format === 'json' ? `${JSON.stringify(toExportJson(decks), null, 2)}\n` : toExportCsv(decks);
  return write(text, values.out);
}

async function build(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      id: { type: 'string' },
      title: { type: 'string' },
      topic: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  if (!file) {
    console.error('usage: build <file> [--out <file.deck>] [--id <deck-id>] [--title <title>] [--json]');
    return 2;
  }
  // why: checked before the work, so a bad --out or --id fails at once rather than after building.
  const id = values.id ?? deckIdFromName(values.out ?? file);
  const idIssue = idProblem(id);
  if (idIssue) {
    console.error(`deck ${idIssue}${values.id ? '' : ' (derived from the file name; pass --id)'}`);
    return 2;
  }
  const pdf = /\.pdf$/i.test(file);
  const bytes = readInput(file, pdf ? MAX_PDF_BYTES : undefined);
  if (typeof bytes === 'string') return fail(file, bytes);
  let input: Uint8Array | string = bytes;
  if (pdf || looksLikePdf(bytes)) {
    const extracted = await pdfToText(bytes);
    if (!extracted.ok) return fail(file, extracted.error);
    input = extracted.text;
  }
  const result = buildDeck(input, { id, title: values.title, topic: values.topic, source: path.basename(file) });
  if (!result.ok) return fail(file, result.error);
  console.error(formatBuildSummary(result.summary));
  if (values.json) return write(`${JSON.stringify(toExportJson([result.deck]), null, 2)}\n`, undefined);
  return write(serializeDeck(result.deck), values.out);
}

function importFile(args: string[]): number {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      deck: { type: 'string' },
      title: { type: 'string' },
      out: { type: 'string' },
      section: { type: 'string' },
      json: { type: 'boolean', default: false },
      'skip-bad-rows': { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  if (!file) {
    console.error('usage: import <file> [--deck <id>] [--title <title>] [--out <file.deck>] [--json] [--skip-bad-rows]');
    return 2;
  }
  const deckId = values.deck ?? deckIdFromName(file);
  const idIssue = idProblem(deckId);
  if (idIssue) {
    console.error(`deck ${idIssue}${values.deck ? '' : ' (derived from the file name; pass --deck)'}`);
    return 2;
  }
  const title = values.title ?? titleFromName(file);
  const bytes = readInput(file, isPackage(file) ? MAX_PACKAGE_BYTES : undefined);
  if (typeof bytes === 'string') return fail(file, bytes);
  const result = isPackage(file) ? importPackage(bytes, deckId, title) : importText(bytes, deckId, title, values.section, file);
  for (const w of result.warnings) console.error(`${file}: warning: ${w}`);
  if (!result.ok) {
    for (const e of result.errors) console.error(formatProblem({ file, ...e }));
    return 1;
  }
  for (const e of result.rowErrors) console.error(formatProblem({ file, ...e }));
  const cards = result.decks.reduce((n, d) => n + d.cards.length, 0);
  const skipped = result.rowErrors.length > 0 ? `, ${result.rowErrors.length} row(s) left out` : '';
  console.error(`read ${cards} card(s) in ${result.decks.length} deck(s)${skipped}`);
  if (values.json) return write(`${JSON.stringify(toExportJson(result.decks), null, 2)}\n`, undefined);
  if (result.rowErrors.length > 0 && !values['skip-bad-rows']) {
    console.error('nothing written: fix the rows above, or pass --skip-bad-rows to write the other cards');
    return 1;
  }
  if (result.decks.length !== 1) {
    console.error(`the file holds ${result.decks.length} decks; a deck file holds one (use --json to see them all)`);
    return 1;
  }
  return write(serializeDeck(result.decks[0]), values.out);
}

type ReadResult =
  | { ok: true; decks: ImportedDeck[]; rowErrors: DeckError[]; warnings: string[] }
  | { ok: false; errors: DeckError[]; warnings: string[] };

function importText(bytes: Uint8Array, deckId: string, title: string, section: string | undefined, file: string): ReadResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, errors: [{ line: 0, message: decoded.error }], warnings: [] };
  return importDeckText(decoded.text, { deckId, title, section, separator: file.toLowerCase().endsWith('.tsv') ? '\t' : undefined });
}

function importPackage(bytes: Uint8Array, deckId: string, title: string): ReadResult {
  const r = readAnkiPackage(Buffer.from(bytes), { id: deckId, title });
  return r.ok ? { ok: true, decks: r.decks, rowErrors: r.skipped, warnings: r.warnings } : { ok: false, errors: [{ line: 0, message: r.error }], warnings: [] };
}

function isPackage(file: string): boolean {
  return /\.(apkg|colpkg)$/i.test(file);
}

/** A deck id from a file name: `My notes.v2.deck` → `my-notes-v2`. */
function deckIdFromName(file: string): string {
  return slugify(path.basename(file).replace(/\.(deck|md|markdown|txt|html?|csv|tsv|json|apkg|colpkg)$/i, '')) || 'draft';
}

function titleFromName(file: string): string {
  return path.basename(file).replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').trim() || 'Imported deck';
}

/** The file's bytes, or why it cannot be read (missing, a directory, over the size limit). */
function readInput(file: string, limit = MAX_INPUT_BYTES): Uint8Array | string {
  try {
    const size = statSync(file).size;
    if (size > limit) return tooLargeError(size, limit);
    return readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a file' : (err as Error).message;
  }
}

function fail(file: string, message: string): number {
  console.error(`${file}: ${message}`);
  return 1;
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
  const code = main(process.argv.slice(2));
  if (typeof code === 'number') process.exitCode = code;
  else {
    code.then(
      (c) => {
        process.exitCode = c;
      },
      (err: unknown) => {
        console.error(err instanceof Error ? err.message : String(err));
        process.exitCode = 1;
      },
    );
  }
} catch (err) {
  // why: parseArgs throws on unknown options; report them like other usage errors.
  console.error(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
  process.exitCode = 2;
}

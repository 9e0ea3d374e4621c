import { spawnSync } from 'node:child_process';
import { makePdf } from '../../integration/decks/pdf-fixture';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDeckFile } from '@/core/decks/deck-file';
import { ROOT_DIR, readAwsNotes } from './notes-fixture';

const dir = mkdtempSync(path.join(tmpdir(), 'deck-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/deck.ts', ...args], { cwd: ROOT_DIR, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const GOOD = `deck: good
title: Good deck

=== q1
kind: mcq
section: SQS › SQS Standard + FIFO
prompt: FIFO throughput?
options:
  - 30
  * 300
  - 3,000
  - unlimited

=== q2
kind: tf
section: SQS › Long Polling
prompt: Long polling waits up to 20 seconds.
answer: true
`;

// why: each case spawns the CLI through tsx, which takes seconds on a busy 2-core machine.
describe('deck CLI', { timeout: 60_000 }, () => {
  it('check: summarises a valid directory and exits 0', () => {
    const ok = path.join(dir, 'ok');
    mkdirSync(ok, { recursive: true });
    writeFileSync(path.join(ok, 'good.deck'), GOOD);
    const r = run('check', ok);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('ok: 1 deck(s), 2 card(s) (mcq 1, tf 1)');
    expect(r.code).toBe(0);
  });

  it('check: prints file:line: message for each problem and exits 1', () => {
    const bad = path.join(dir, 'bad');
    mkdirSync(bad, { recursive: true });
    writeFileSync(path.join(bad, 'good.deck'), GOOD);
    writeFileSync(path.join(bad, 'other.deck'), GOOD.replace('  * 300', '  - 300').replace('answer: true', 'answer: yes'));
    const r = run('check', bad);
    const file = path.join(bad, 'other.deck');
    expect(r.stderr.trim().split('\n')).toEqual([
      `${file}:1: deck id 'good' does not match the file name 'other.deck'`,
      `${file}:8: mcq needs exactly one correct option ('* '), found none`,
      `${file}:18: tf answer must be 'true' or 'false', not 'yes'`,
      '3 problem(s)',
    ]);
    expect(r.code).toBe(1);
  });

  it('export: writes JSON and CSV to stdout', () => {
    const ok = path.join(dir, 'ok');
    const json = run('export', 'good', '--format', 'json', '--dir', ok);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as { decks: { id: string; cards: { id: string; correct?: number[] }[] }[] };
    expect(parsed.decks[0].id).toBe('good');
    expect(parsed.decks[0].cards.map((c) => [c.id, c.correct])).toEqual([['q1', [1]], ['q2', [0]]]);
    const csv = run('export', 'all', '--format', 'csv', '--dir', ok);
    expect(csv.stdout.split('\n')[0]).toBe('id,deck,kind,section,prompt,answer,options,correct,explanation,tags,accepted');
    expect(csv.stdout.split('\n')[1]).toBe('q1,good,mcq,SQS › SQS Standard + FIFO,FIFO throughput?,300,"30 | 300 | 3,000 | unlimited",1,,,');
    expect(run('export', 'missing', '--format', 'json', '--dir', ok).code).toBe(1);
    expect(run('export', 'good', '--format', 'xml', '--dir', ok).code).toBe(2);
  });

  it('build: drafts a deck from the notes into --out and prints the summary to stderr', () => {
    const notes = path.join(dir, 'aws-study-notes.txt');
    writeFileSync(notes, readAwsNotes());
    const out = path.join(dir, 'aws-draft.deck');
    const r = run('build', notes, '--out', out, '--title', 'AWS drafts');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^43 section\(s\):/);
    expect(r.stderr).toMatch(/mcq \d+/);
    expect(parseDeckFile(readFileSync(out, 'utf8')).deck.cards.filter((c) => c.key.includes('-q-'))).toHaveLength(6);
    const parsed = parseDeckFile(readFileSync(out, 'utf8'), { expectedId: 'aws-draft' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.deck.title).toBe('AWS drafts');
    const empty = path.join(dir, 'empty.txt');
    writeFileSync(empty, '\n\n');
    expect(run('build', empty)).toMatchObject({ code: 1, stderr: `${empty}: the file is empty\n` });
  });

  it('import: turns an Anki TSV into a deck file, with line errors for bad rows', () => {
    const tsv = path.join(dir, 'cards.tsv');
    writeFileSync(tsv, '#columns:Front\tBack\tTags\nWhat is SQS?\tA queue\tsqs\n');
    const r = run('import', tsv, '--deck', 'anki', '--title', 'From Anki');
    expect(r.code).toBe(0);
    const parsed = parseDeckFile(r.stdout);
    expect(parsed.errors).toEqual([]);
    expect(parsed.deck.cards[0]).toMatchObject({ kind: 'basic', prompt: 'What is SQS?', answer: 'A queue', tags: ['sqs'] });
    writeFileSync(tsv, 'fine\tyes\nmissing back\t\n');
    const bad = run('import', tsv, '--deck', 'anki', '--title', 'From Anki');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain(`${tsv}:2: row has no back (answer) text`);
    expect(bad.stderr).toContain('nothing written: fix the rows above, or pass --skip-bad-rows');
    const skip = run('import', tsv, '--deck', 'anki', '--title', 'From Anki', '--skip-bad-rows');
    expect(skip.code).toBe(0);
    expect(parseDeckFile(skip.stdout).deck.cards.map((c) => c.prompt)).toEqual(['fine']);
    expect(run('import', tsv, '--deck', 'Not OK').code).toBe(2);
  });

  it('build --json: prints the export JSON shape and writes nothing; --out may hold dots; Latin-1 keeps accents', () => {
    const notes = path.join(dir, 'café.notes.v2.md');
    // Windows-1252 bytes: "é" is 0xE9, which is not valid UTF-8 on its own.
    writeFileSync(notes, Buffer.from('# Caf\xe9 notes\n\n## Cr\xe8me br\xfbl\xe9e\n\nThe oven runs at 180 degrees for 35 minutes.\n', 'latin1'));
    const json = run('build', notes, '--json');
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as { decks: { id: string; title: string; cards: { source: { section: string } }[] }[] };
    expect(parsed.decks[0]).toMatchObject({ id: 'cafe-notes-v2', title: 'Café notes' });
    expect(parsed.decks[0].cards[0].source.section).toBe('Café notes › Crème brûlée');
    const out = path.join(dir, 'my.notes.v2.deck');
    const written = run('build', notes, '--out', out);
    expect(written.code).toBe(0);
    expect(parseDeckFile(readFileSync(out, 'utf8'), { expectedId: 'my-notes-v2' }).errors).toEqual([]);
    const missing = run('build', path.join(dir, 'nope.md'));
    expect(missing).toMatchObject({ code: 1, stderr: `${path.join(dir, 'nope.md')}: no such file\n` });
  });

  it('build: reads a PDF through its text layer', () => {
    const file = path.join(dir, 'limits.pdf');
    writeFileSync(file, makePdf(['Limits', '', 'A message can be up to 256 KB.']));
    const r = run('build', file, '--json');
    expect(r.code).toBe(0);
    const deck = (JSON.parse(r.stdout) as { decks: { cards: { prompt: string; source: { section: string } }[] }[] }).decks[0];
    expect(deck.cards).toEqual([expect.objectContaining({ prompt: 'A message can be up to {{c1::256 KB}}.', source: { section: 'Draft deck › Limits' } })]);
    writeFileSync(file, 'not a pdf');
    expect(run('build', file)).toMatchObject({ code: 1, stderr: `${file}: not a PDF file (it does not start with %PDF-)\n` });
  });

  it('import --json: an Anki package with its review history, and our own CSV export back unchanged', () => {
    const apkg = path.join(ROOT_DIR, 'tests/fixtures/anki/basic-anki-apkg-export.apkg');
    const r = run('import', apkg, '--json');
    expect(r.code).toBe(0);
    const decks = (JSON.parse(r.stdout) as { decks: { cards: { prompt: string; answer: string }[] }[] }).decks;
    expect(decks[0].cards.map((c) => c.answer)).toEqual(['Paris', 'Lisbon\non the Tagus', 'Madrid & nowhere else']);
    expect(r.stderr).toContain('read 3 card(s) in 1 deck(s), 1 row(s) left out');
    const csv = path.join(dir, 'good.csv');
    writeFileSync(csv, run('export', 'good', '--format', 'csv', '--dir', path.join(dir, 'ok')).stdout);
    const back = run('import', csv, '--json');
    const original = JSON.parse(run('export', 'good', '--format', 'json', '--dir', path.join(dir, 'ok')).stdout) as { decks: { cards: unknown[] }[] };
    expect((JSON.parse(back.stdout) as { decks: { cards: unknown[] }[] }).decks[0].cards).toEqual(original.decks[0].cards);
  });

  it('export --format apkg: writes a package that the import reads back', () => {
    const out = path.join(dir, 'good.v1.apkg');
    const r = run('export', 'good', '--format', 'apkg', '--out', out, '--dir', path.join(dir, 'ok'));
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect(r.stderr).toBe(`wrote ${out}: 1 deck(s), 2 card(s)\n`);
    const back = JSON.parse(run('import', out, '--json').stdout) as { decks: { cards: { prompt: string; answer: string }[] }[] };
    expect(back.decks[0].cards.map((c) => c.answer)).toEqual(['B. 300', 'A. True']);
    expect(run('export', 'good', '--format', 'apkg', '--dir', path.join(dir, 'ok')).code).toBe(2);
  });

  it('prints usage for --help (exit 0) and unknown commands or options (exit 2)', () => {
    const help = run('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: npm run deck -- <command>');
    const unknown = run('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    expect(run('check', '--bogus').code).toBe(2);
  });
});

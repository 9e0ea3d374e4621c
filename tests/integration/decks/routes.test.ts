import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, startDeckHarness, type Actor, type DeckHarness } from './harness';
import { readFileSync } from 'node:fs';
import path from 'node:path';

let h: DeckHarness;
let student: Actor;
let student2: Actor;
let instructor: Actor;
type R = Record<string, any>;
let list: R, detail: R, exportRoute: R, preview: R, importRoute: R, draft: R, builder: R;

beforeAll(async () => {
  h = await startDeckHarness();
  student = await h.signUp('stu@example.com', 'student');
  student2 = await h.signUp('sam@example.com', 'student');
  instructor = await h.signUp('ina@example.com', 'instructor');
  list = await import('@/app/api/decks/route');
  detail = await import('@/app/api/decks/[id]/route');
  exportRoute = await import('@/app/api/decks/[id]/export/route');
  preview = await import('@/app/api/decks/import/preview/route');
  importRoute = await import('@/app/api/decks/import/route');
  draft = await import('@/app/api/decks/builder/draft/route');
  builder = await import('@/app/api/decks/builder/route');
});
afterAll(async () => {
  await h?.close();
});

const ANKI = '#separator:tab\n#html:false\n#columns:Front\tBack\tTags\nWhat is SQS?\tA managed message queue\tsqs basics\nWhat is SNS?\tPub/sub messaging\tsns\n';
const NOTES = readFileSync(path.join(ROOT, 'content/sources/aws-study-notes.txt'), 'utf8');
const big = (bytes: number) => 'Front,Back\n' + 'x'.repeat(bytes);

function cli(args: string[]): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/deck.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}

describe('deck list and detail', () => {
  it('shows guests the 9 built-in decks with counts', async () => {
    const res = await h.call(list.GET, 'GET');
    expect(res.status).toBe(200);
    expect(res.json.decks).toHaveLength(9);
    const sqs = res.json.decks.find((d: R) => d.id === 'sqs');
    expect(sqs).toMatchObject({ title: 'Amazon SQS', builtIn: true, cardCount: 39, sectionCount: 6, subscribed: null });
    expect(Object.values(sqs.byKind as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(39);
  });

  it('returns a deck with its cards and sections, 404 for an unknown id', async () => {
    const res = await h.call(detail.GET, 'GET', { params: { id: 'sqs' } });
    expect(res.status).toBe(200);
    expect(res.json.deck.cards).toHaveLength(39);
    expect(res.json.deck.sections.map((s: R) => s.name)).toContain('SQS › Message Visibility Timeout');
    expect((await h.call(detail.GET, 'GET', { params: { id: 'nope' } })).status).toBe(404);
  });
});

describe('export', () => {
  it('JSON and CSV are byte for byte what the CLI exports', async () => {
    const json = await h.call(exportRoute.GET, 'GET', { params: { id: 'sqs' }, url: '/api/decks/sqs/export?format=json' });
    expect(json.status).toBe(200);
    expect(json.headers.get('content-disposition')).toBe('attachment; filename="sqs.json"');
    expect(json.text).toBe(cli(['export', 'sqs', '--format', 'json']));
    expect(json.json.decks[0].cards[0]).toMatchObject({ id: 'sqs-what-is', kind: 'mcq', source: { section: 'SQS › Amazon SQS' } });

    const csv = await h.call(exportRoute.GET, 'GET', { params: { id: 'exam' }, url: '/api/decks/exam/export?format=csv' });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.text).toBe(cli(['export', 'exam', '--format', 'csv']));
    expect(csv.text.split('\n')[0]).toBe('id,deck,kind,section,prompt,answer,options,correct,explanation,tags,accepted');
  });

  it('rejects an unknown format and an unknown deck', async () => {
    expect((await h.call(exportRoute.GET, 'GET', { params: { id: 'sqs' }, url: '/api/decks/sqs/export?format=xml' })).status).toBe(400);
    expect((await h.call(exportRoute.GET, 'GET', { params: { id: 'nope' }, url: '/api/decks/nope/export' })).status).toBe(404);
  });
});

describe('Anki import', () => {
  it('needs a signed-in user', async () => {
    expect((await h.call(preview.POST, 'POST', { body: { text: ANKI } })).status).toBe(401);
    expect((await h.call(importRoute.POST, 'POST', { body: { text: ANKI, title: 'Mine' } })).status).toBe(401);
  });

  it('previews cards honouring #separator and #columns, and reports bad rows with their line', async () => {
    const ok = await h.call(preview.POST, 'POST', { actor: student, body: { text: ANKI } });
    expect(ok.status).toBe(200);
    expect(ok.json.ok).toBe(true);
    expect(ok.json.cards.map((c: R) => [c.prompt, c.answer, c.tags])).toEqual([
      ['What is SQS?', 'A managed message queue', ['sqs', 'basics']],
      ['What is SNS?', 'Pub/sub messaging', ['sns']],
    ]);
    const bad = await h.call(preview.POST, 'POST', { actor: student, body: { text: 'Front,Back\nWhat is SQS?,A queue\nNo answer here,\n"unclosed,quote\n' } });
    expect(bad.status).toBe(200);
    expect(bad.json.ok).toBe(false);
    expect(bad.json.errors).toEqual([{ line: 4, message: 'quoted field is never closed (unbalanced quotes): nothing was imported' }]);
    const someBad = await h.call(preview.POST, 'POST', { actor: student, body: { text: 'Front,Back\nWhat is SQS?,A queue\nNo answer here,\nWhat is SNS?,Pub/sub\n' } });
    expect(someBad.json).toMatchObject({ ok: true, errors: [], rowErrors: [{ line: 3, message: 'row has no back (answer) text' }] });
    expect(someBad.json.cards.map((c: R) => c.prompt)).toEqual(['What is SQS?', 'What is SNS?']);
  });

  it('refuses files over 2 MB, binary files and malformed bodies with clear errors', async () => {
    const huge = await h.call(preview.POST, 'POST', { actor: student, body: { text: big(2 * 1024 * 1024 + 10) } });
    expect(huge.status).toBe(413);
    expect(huge.json.error.message).toBe('The file is 2,097,173 bytes; the limit is 2,097,152 bytes (2 MiB).');
    const binary = await h.call(preview.POST, 'POST', { actor: student, body: { text: 'PK\u0003\u0004\u0000\u0000\u0014\u0000binary' } });
    expect(binary.status).toBe(400);
    expect(binary.json.error.message).toMatch(/binary file/);
    expect((await h.call(preview.POST, 'POST', { actor: student, rawBody: '{"text":' })).status).toBe(400);
    expect((await h.call(preview.POST, 'POST', { actor: student, body: { text: 42 } })).status).toBe(400);
    expect((await h.call(preview.POST, 'POST', { actor: student, body: { text: ANKI, separator: 'emoji' } })).status).toBe(400);
  });

  it('saves a new deck owned by the user, visible to them only', async () => {
    const saved = await h.call(importRoute.POST, 'POST', { actor: student, body: { text: ANKI, title: 'My SQS words' } });
    expect(saved.status).toBe(201);
    const id = saved.json.deck.id as string;
    const row = await h.db().deck.findUnique({ where: { id }, include: { cards: true } });
    expect(row).toMatchObject({ title: 'My SQS words', builtIn: false, ownerId: student.id });
    expect(row!.cards).toHaveLength(2);

    const mine = await h.call(list.GET, 'GET', { actor: student });
    expect(mine.json.decks.find((d: R) => d.id === id)).toMatchObject({ mine: true, cardCount: 2, subscribed: false });
    const theirs = await h.call(list.GET, 'GET', { actor: student2 });
    expect(theirs.json.decks.some((d: R) => d.id === id)).toBe(false);
    expect((await h.call(detail.GET, 'GET', { actor: student2, params: { id } })).status).toBe(404);
    expect((await h.call(exportRoute.GET, 'GET', { actor: student2, params: { id }, url: `/api/decks/${id}/export` })).status).toBe(404);
    expect((await h.call(exportRoute.GET, 'GET', { actor: student, params: { id }, url: `/api/decks/${id}/export` })).json.decks[0].cards).toHaveLength(2);
  });

  it('does not save a file with errors', async () => {
    const before = await h.db().deck.count();
    const res = await h.call(importRoute.POST, 'POST', { actor: student, body: { text: 'Front,Back\nOnly a front,\n', title: 'Bad' } });
    expect(res.status).toBe(400);
    expect(res.json.errors).toContainEqual({ line: 2, message: 'row has no back (answer) text' });
    expect(await h.db().deck.count()).toBe(before);
  });

  it('saves the good rows only when the user says so, writing nothing otherwise', async () => {
    const text = 'Front,Back\nWhat is SQS?,A queue\nNo answer here,\n';
    const before = await h.db().deck.count();
    const refused = await h.call(importRoute.POST, 'POST', { actor: student, body: { text, title: 'Partly bad' } });
    expect(refused.status).toBe(400);
    expect(refused.json.error.code).toBe('bad_rows');
    expect(refused.json.rowErrors).toEqual([{ line: 3, message: 'row has no back (answer) text' }]);
    expect(await h.db().deck.count()).toBe(before);
    const saved = await h.call(importRoute.POST, 'POST', { actor: student, body: { text, title: 'Partly bad', skipBadRows: true } });
    expect(saved.status).toBe(201);
    expect(saved.json).toMatchObject({ deck: { cards: 1 }, skipped: 1 });
  });
});

describe('document-to-deck builder', () => {
  it('is for instructors only', async () => {
    expect((await h.call(draft.POST, 'POST', { body: { text: NOTES } })).status).toBe(401);
    const asStudent = await h.call(draft.POST, 'POST', { actor: student, body: { text: NOTES } });
    expect(asStudent.status).toBe(403);
    expect(asStudent.json.error.message).toBe('Only instructors can do that.');
    expect((await h.call(builder.POST, 'POST', { actor: student, body: { title: 'X', cards: [] } })).status).toBe(403);
  });

  it('drafts the study notes: 43 sections and the 6 exam questions needing an answer key', async () => {
    const res = await h.call(draft.POST, 'POST', { actor: instructor, body: { text: NOTES, title: 'AWS', fileName: 'aws-study-notes.txt' } });
    expect(res.status).toBe(200);
    expect(res.json.summary.sections).toHaveLength(43);
    const exam = res.json.deck.cards.filter((c: R) => c.kind === 'mcq' && c.key.includes('-q-'));
    expect(exam).toHaveLength(6);
    expect(exam.every((c: R) => c.needsAnswerKey === true && c.correct.length === 0)).toBe(true);
    expect(res.json.deck.source).toBe('aws-study-notes.txt');
  });

  it.each([
    ['empty', '   \n\n', 400, /document is empty/i],
    ['with nothing to draft', 'just one line of text with no structure at all', 400, /no card could be drafted/],
    ['binary', '\u0000\u0001\u0002ELF\u0000\u0000', 400, /binary file/],
    ['over 2 MiB', '# T\n\n## S\n\n' + 'word '.repeat(450_000), 413, /^The file is 2,250,011 bytes; the limit is 2,097,152 bytes \(2 MiB\)\.$/],
  ])('explains why a document %s cannot be used', async (_what, text, status, message) => {
    const res = await h.call(draft.POST, 'POST', { actor: instructor, body: { text } });
    expect(res.status).toBe(status);
    expect(res.json.error.message).toMatch(message);
  });

  it('validates edited drafts and reports errors per card', async () => {
    const before = await h.db().deck.count();
    const cards = [
      { key: 'ok-1', kind: 'basic', prompt: 'What is SQS?', answer: 'A queue', section: 'AWS › SQS' },
      { key: 'bad-cloze', kind: 'cloze', prompt: 'No deletion here', answer: '', section: 'AWS › SQS' },
      { key: 'bad-mcq', kind: 'mcq', prompt: 'Pick', answer: '', options: ['Only one'], correct: [0], section: 'AWS › SQS' },
      { key: 'no-section', kind: 'basic', prompt: 'Q', answer: 'A', section: '' },
    ];
    const res = await h.call(builder.POST, 'POST', { actor: instructor, body: { title: 'Draft', cards } });
    expect(res.status).toBe(400);
    expect(res.json.cardErrors.map((e: R) => [e.index, e.key])).toEqual([
      [1, 'bad-cloze'],
      [2, 'bad-mcq'],
      [3, 'no-section'],
    ]);
    expect(res.json.cardErrors[0].messages).toEqual(['cloze prompt has no {{c1::...}} deletion']);
    expect(res.json.cardErrors[1].messages).toEqual(['mcq needs at least 2 options, found 1']);
    expect(await h.db().deck.count()).toBe(before);
    const empty = await h.call(builder.POST, 'POST', { actor: instructor, body: { title: 'Empty', cards: [] } });
    expect(empty.status).toBe(400);
    expect(empty.json.deckErrors).toContain('the deck has no cards');
  });

  it('saves drafts as the instructor’s deck; an answer key set clears the draft mark', async () => {
    const built = await h.call(draft.POST, 'POST', { actor: instructor, body: { text: NOTES, title: 'AWS' } });
    const drafts = built.json.deck.cards as R[];
    const [first, second] = drafts.filter((c) => c.kind === 'mcq' && c.key.includes('-q-'));
    first.correct = [2];
    const kept = drafts.filter((c) => c.kind !== 'basic' || c.key.endsWith('a')).slice(0, 20);
    if (!kept.includes(first)) kept.push(first);
    if (!kept.includes(second)) kept.push(second);
    const res = await h.call(builder.POST, 'POST', { actor: instructor, body: { title: 'AWS drafts', description: 'From the notes', cards: kept } });
    expect(res.status).toBe(201);
    const deck = await h.db().deck.findUnique({ where: { id: res.json.deck.id }, include: { cards: { orderBy: { ord: 'asc' } } } });
    expect(deck).toMatchObject({ builtIn: false, ownerId: instructor.id, title: 'AWS drafts' });
    expect(deck!.cards).toHaveLength(kept.length);
    const answered = deck!.cards.find((c) => c.key === first.key)!;
    expect(answered).toMatchObject({ needsAnswerKey: false, correct: [2], answer: first.options[2] });
    expect(deck!.cards.find((c) => c.key === second.key)).toMatchObject({ needsAnswerKey: true, correct: [] });
  });
});

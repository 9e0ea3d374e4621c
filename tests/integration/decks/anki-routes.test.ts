import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readAnkiPackage as independentReader } from 'anki-reader';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { T0, currentSchemaPackage, zstdBomb } from './anki-fixtures';
import { ROOT, startDeckHarness, type Actor, type DeckHarness } from './harness';

let h: DeckHarness;
let student: Actor;
let other: Actor;
type R = Record<string, any>;
let preview: R, importRoute: R, exportRoute: R;
const DAY = 86_400_000;

beforeAll(async () => {
  h = await startDeckHarness();
  student = await h.signUp('anki@example.com', 'student');
  other = await h.signUp('other@example.com', 'student');
  preview = await import('@/app/api/decks/import/preview/route');
  importRoute = await import('@/app/api/decks/import/route');
  exportRoute = await import('@/app/api/decks/[id]/export/route');
});
afterAll(async () => {
  await h?.close();
});

const FIXTURE = readFileSync(path.join(ROOT, 'tests/fixtures/anki/basic-anki-apkg-export.apkg')).toString('base64');
const CURRENT = currentSchemaPackage().toString('base64');

describe('Anki packages on /api/decks/import', () => {
  it('previews a package: cards, the notes left out with the reason, media references and the review count', async () => {
    const res = await h.call(preview.POST, 'POST', { actor: student, body: { data: FIXTURE, fileName: 'capitals.apkg' } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ ok: true, format: 'anki-package', reviews: 0 });
    expect(res.json.cards.map((c: R) => c.prompt)).toEqual(['What is the capital of France?', 'Capital of Portugal?', 'Which city is the capital of Spain?']);
    expect(res.json.rowErrors).toHaveLength(1);
    expect(res.json.warnings[0]).toMatch(/flag\.png/);
    const current = await h.call(preview.POST, 'POST', { actor: student, body: { data: CURRENT, fileName: 'languages.colpkg' } });
    expect(current.json).toMatchObject({ ok: true, reviews: 5 });
  });

  it('refuses a zip bomb, a malformed package and a body with both text and data, saving nothing', async () => {
    const before = await h.db().deck.count();
    const bomb = currentSchemaPackage(zstdBomb(300 * 1024 * 1024)).toString('base64');
    const res = await h.call(importRoute.POST, 'POST', { actor: student, body: { data: bomb, skipBadRows: true } });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].message).toMatch(/unpacks to more than 268,435,456 bytes/);
    const junk = await h.call(preview.POST, 'POST', { actor: student, body: { data: Buffer.from('not a zip').toString('base64') } });
    expect(junk.json).toMatchObject({ ok: false, errors: [{ line: 0, message: expect.stringMatching(/^not a readable Anki package/) }] });
    const both = await h.call(preview.POST, 'POST', { actor: student, body: { data: CURRENT, text: 'a,b' } });
    expect(both.status).toBe(400);
    expect(both.json.error.message).toMatch(/either text or data/);
    expect(await h.db().deck.count()).toBe(before);
  });

  it('keeps the Anki schedule: review history becomes review logs and the FSRS state follows from it', async () => {
    const res = await h.call(importRoute.POST, 'POST', { actor: student, body: { data: CURRENT, title: 'Languages', keepSchedule: true, skipBadRows: true } });
    expect(res.status).toBe(201);
    expect(res.json.schedule).toEqual({ cards: 2, reviews: 5 });
    const deckId = res.json.deck.id as string;
    const cards = await h.db().card.findMany({ where: { deckId }, orderBy: { ord: 'asc' } });
    const logs = await h.db().reviewLog.findMany({ where: { userId: student.id, deckId }, orderBy: { review: 'asc' } });
    expect(logs.map((l) => [l.cardId, l.rating, l.review.getTime()])).toEqual([
      [cards[0].id, 3, T0],
      [cards[0].id, 3, T0 + DAY],
      [cards[2].id, 4, T0 + 2 * DAY],
      [cards[0].id, 1, T0 + 4 * DAY],
      [cards[0].id, 3, T0 + 5 * DAY],
    ]);
    const state = await h.db().cardState.findUnique({ where: { userId_cardId: { userId: student.id, cardId: cards[0].id } } });
    expect(state).toMatchObject({ reps: 4, lapses: 1, lastReview: new Date(T0 + 5 * DAY) });
    expect(state!.due.getTime()).toBeGreaterThan(T0 + 5 * DAY);
    expect(state!.stability).toBeGreaterThan(0);
    expect(await h.db().cardState.count({ where: { userId: student.id, deckId } })).toBe(2);
    expect(await h.db().deckSubscription.count({ where: { userId: student.id, deckId } })).toBe(1);
    expect(await h.db().reviewLog.count({ where: { userId: other.id } })).toBe(0);

    // Re-importing the same package over the deck keeps the card rows (and so the history) and adds no logs.
    const again = await h.call(importRoute.POST, 'POST', {
      actor: student,
      body: { data: CURRENT, title: 'Languages', keepSchedule: true, skipBadRows: true, replaceDeckId: deckId },
    });
    expect(again.status).toBe(200);
    const after = await h.db().card.findMany({ where: { deckId }, orderBy: { ord: 'asc' } });
    expect(after.map((c) => c.id)).toEqual(cards.map((c) => c.id));
    expect(await h.db().reviewLog.count({ where: { userId: student.id, deckId } })).toBe(5);
  });

  it('only the owner may update a deck by re-importing', async () => {
    const mine = await h.call(importRoute.POST, 'POST', { actor: student, body: { data: CURRENT, skipBadRows: true } });
    const res = await h.call(importRoute.POST, 'POST', { actor: other, body: { data: CURRENT, skipBadRows: true, replaceDeckId: mine.json.deck.id } });
    expect(res.status).toBe(404);
    const builtIn = await h.call(importRoute.POST, 'POST', { actor: student, body: { data: CURRENT, skipBadRows: true, replaceDeckId: 'sqs' } });
    expect(builtIn.status).toBe(404);
  });

  it('round-trips our own JSON export through the web import, keeping every card id', async () => {
    const exported = await h.call(exportRoute.GET, 'GET', { actor: student, params: { id: 'sqs' }, url: '/api/decks/sqs/export?format=json' });
    const saved = await h.call(importRoute.POST, 'POST', { actor: student, body: { text: exported.text, fileName: 'sqs.json' } });
    expect(saved.status).toBe(201);
    const again = await h.call(exportRoute.GET, 'GET', { actor: student, params: { id: saved.json.deck.id }, url: `/api/decks/${saved.json.deck.id}/export?format=json` });
    const strip = (d: R) => d.decks[0].cards;
    expect(strip(again.json)).toEqual(strip(exported.json));
  });

  it('says at preview time that a file of several decks must be imported one deck at a time', async () => {
    const all = await h.call(exportRoute.GET, 'GET', { actor: student, params: { id: 'sqs' }, url: '/api/decks/sqs/export?format=json' });
    const two = { decks: [all.json.decks[0], { ...all.json.decks[0], id: 'sqs-copy' }] };
    const res = await h.call(preview.POST, 'POST', { actor: student, body: { text: JSON.stringify(two) } });
    expect(res.json).toMatchObject({ ok: false, errors: [{ line: 0, message: 'the file holds 2 decks (sqs, sqs-copy); export and import them one at a time' }] });
  });

  it('exports any deck as an .apkg that an independent reader opens', async () => {
    const res = await h.call(exportRoute.GET, 'GET', { actor: student, params: { id: 'sqs' }, url: '/api/decks/sqs/export?format=apkg' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="sqs.apkg"');
    const bytes = new Uint8Array(await (await exportRoute.GET(
      new Request('http://localhost:3000/api/decks/sqs/export?format=apkg', { headers: { origin: 'http://localhost:3000', cookie: student.cookie } }),
      { params: Promise.resolve({ id: 'sqs' }) },
    )).arrayBuffer());
    const { collection } = await independentReader(new Blob([bytes]));
    const cards = Object.values(collection.getDecks()).flatMap((d: R) => Object.values(d.getCards()));
    const json = await h.call(exportRoute.GET, 'GET', { actor: student, params: { id: 'sqs' }, url: '/api/decks/sqs/export?format=json' });
    expect(cards).toHaveLength(json.json.decks[0].cards.length);
  });
});

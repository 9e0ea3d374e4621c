/** Deck editor: create a deck, add every kind of card, per-field errors, edits keep id/key, delete archives, duplicate. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Actor, type Harness } from './harness';

let h: Harness;
let ina: Actor;
beforeAll(async () => {
  h = await startHarness();
  ina = await h.signUp('editor@example.com', 'Ina', 'instructor');
});
afterAll(async () => h?.close());

const decks = () => import('@/app/api/editor/decks/route');
const deck = () => import('@/app/api/editor/decks/[id]/route');
const cards = () => import('@/app/api/editor/decks/[id]/cards/route');
const card = () => import('@/app/api/editor/decks/[id]/cards/[cardId]/route');
const duplicate = () => import('@/app/api/editor/decks/[id]/duplicate/route');

const S = 'Lambda › Limits';
const EVERY_KIND = [
  { kind: 'basic', section: S, prompt: 'Max Lambda timeout?', answer: '15 minutes' },
  { kind: 'cloze', section: S, prompt: 'Lambda runs for at most {{c1::15 minutes}}.' },
  { kind: 'mcq', section: S, prompt: 'Pick one', options: [{ text: '5 min', correct: false }, { text: '15 min', correct: true }, { text: '1 h', correct: false }] },
  { kind: 'multi', section: S, prompt: 'Pick all', options: [{ text: 'Python', correct: true }, { text: 'Node.js', correct: true }, { text: 'COBOL', correct: false }] },
  { kind: 'tf', section: S, prompt: 'Lambda is serverless.', answer: 'true', explanation: 'No servers to manage.' },
  { kind: 'type', section: S, prompt: 'Name the FaaS service', answer: 'AWS Lambda', accepted: ['Lambda', 'Amazon Lambda'], tags: 'compute, serverless' },
];

describe('deck editor', () => {
  it('creates a deck and adds a card of every kind, parsed exactly as a deck file would be', async () => {
    const created = await h.call(await decks(), 'POST', {}, ina, { title: 'Lambda', description: 'Limits' });
    expect(created.status).toBe(201);
    const id = created.json.deck.id as string;
    for (const draft of EVERY_KIND) {
      const res = await h.call(await cards(), 'POST', { id }, ina, draft);
      expect({ kind: draft.kind, status: res.status, body: res.json }).toMatchObject({ status: 201 });
    }
    const got = (await h.call(await deck(), 'GET', { id }, ina)).json.deck;
    expect(got.readOnly).toBe(false);
    expect(got.cards.map((c: { kind: string }) => c.kind)).toEqual(['basic', 'cloze', 'mcq', 'multi', 'tf', 'type']);
    expect(got.cards[1]).toMatchObject({ answer: 'Lambda runs for at most 15 minutes.' });
    expect(got.cards[2]).toMatchObject({ correct: [1], answer: '15 min' });
    expect(got.cards[3]).toMatchObject({ correct: [0, 1], answer: 'Python; Node.js' });
    expect(got.cards[4]).toMatchObject({ options: ['True', 'False'], correct: [0], answer: 'True', explanation: 'No servers to manage.' });
    expect(got.cards[5]).toMatchObject({ accepted: ['Lambda', 'Amazon Lambda'], tags: ['compute', 'serverless'] });
    expect(got.cards[0].key).toBe('max-lambda-timeout');
    const list = (await h.call(await decks(), 'GET', {}, ina)).json;
    expect(list.own).toEqual([expect.objectContaining({ id, title: 'Lambda', cardCount: 6 })]);
    expect(list.builtIn.length).toBeGreaterThan(5);
  });

  it('reports problems per field with the deck file rules and saves nothing', async () => {
    const id = (await h.call(await decks(), 'POST', {}, ina, { title: 'Errors' })).json.deck.id;
    const bad = await h.call(await cards(), 'POST', { id }, ina, {
      kind: 'mcq',
      section: '',
      prompt: 'Which?',
      options: [{ text: 'A', correct: true }, { text: 'B', correct: true }, { text: '', correct: false }],
    });
    expect(bad.status).toBe(422);
    expect(bad.json.fields.section).toEqual(['Required.']);
    expect(bad.json.fields.options).toContain('Option 3 is empty.');
    expect(bad.json.fields.options.join(' ')).toMatch(/mcq has exactly one correct option/i);
    const cloze = await h.call(await cards(), 'POST', { id }, ina, { kind: 'cloze', section: S, prompt: 'No deletion here' });
    expect(cloze.json.fields.prompt[0]).toMatch(/no \{\{c1::\.\.\.\}\} deletion/);
    const noAnswer = await h.call(await cards(), 'POST', { id }, ina, { kind: 'basic', section: S, prompt: 'Q' });
    expect(noAnswer.json.fields).toEqual({ answer: ['Required.'] });
    expect((await h.call(await deck(), 'GET', { id }, ina)).json.deck.cards).toHaveLength(0);
  });

  it('keeps a card id and key through edits, even a change of kind; delete archives it', async () => {
    const id = (await h.call(await decks(), 'POST', {}, ina, { title: 'Edits' })).json.deck.id;
    const added = (await h.call(await cards(), 'POST', { id }, ina, EVERY_KIND[0])).json.card;
    const edited = await h.call(await card(), 'PUT', { id, cardId: added.id }, ina, { ...EVERY_KIND[5], prompt: 'Renamed prompt' });
    expect(edited.status).toBe(200);
    expect(edited.json.card).toMatchObject({ id: added.id, key: added.key, kind: 'type', prompt: 'Renamed prompt' });
    // A new card with the same prompt gets a different key.
    const twin = (await h.call(await cards(), 'POST', { id }, ina, EVERY_KIND[0])).json.card;
    expect(twin.key).toBe(`${added.key}-2`);
    expect((await h.call(await card(), 'DELETE', { id, cardId: added.id }, ina)).status).toBe(200);
    const prisma = await h.db();
    expect(await prisma.card.findUniqueOrThrow({ where: { id: added.id } })).toMatchObject({ archived: true });
    expect((await h.call(await deck(), 'GET', { id }, ina)).json.deck.cards.map((c: { id: string }) => c.id)).toEqual([twin.id]);
    // A card added after the delete does not reuse the archived key.
    const third = (await h.call(await cards(), 'POST', { id }, ina, { ...EVERY_KIND[0], prompt: 'Renamed prompt' })).json.card;
    expect(third.key).not.toBe(added.key);
  });

  it('shows built-in decks read-only and duplicates them into an editable deck with the same keys', async () => {
    const builtIn = (await h.call(await deck(), 'GET', { id: 'sqs' }, ina)).json.deck;
    expect(builtIn.readOnly).toBe(true);
    const refused = await h.call(await cards(), 'POST', { id: 'sqs' }, ina, EVERY_KIND[0]);
    expect(refused.status).toBe(403);
    expect(refused.json.error.message).toMatch(/Duplicate/);
    const copy = await h.call(await duplicate(), 'POST', { id: 'sqs' }, ina);
    expect(copy.status).toBe(201);
    const copied = (await h.call(await deck(), 'GET', { id: copy.json.deck.id }, ina)).json.deck;
    expect(copied).toMatchObject({ readOnly: false, title: 'Amazon SQS (copy)' });
    expect(copied.cards.map((c: { key: string }) => c.key)).toEqual(builtIn.cards.map((c: { key: string }) => c.key));
    expect(copied.cards[0].id).not.toBe(builtIn.cards[0].id);
  });
});

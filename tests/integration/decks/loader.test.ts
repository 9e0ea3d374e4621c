import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, startDeckHarness, type DeckHarness } from './harness';

const NOW = new Date('2026-01-05T09:00:00Z');
let h: DeckHarness;
let deckDir: string;
let load: typeof import('@/server/decks/load-builtin').loadBuiltinDecks;

beforeAll(async () => {
  h = await startDeckHarness();
  ({ loadBuiltinDecks: load } = await import('@/server/decks/load-builtin'));
  deckDir = fs.mkdtempSync(path.join(os.tmpdir(), 'studyroom-deckfiles-'));
  for (const f of fs.readdirSync(path.join(ROOT, 'content/decks'))) fs.copyFileSync(path.join(ROOT, 'content/decks', f), path.join(deckDir, f));
});
afterAll(async () => {
  await h?.close();
  fs.rmSync(deckDir, { recursive: true, force: true });
});

const sqsFile = () => path.join(deckDir, 'sqs.deck');
async function cardsOf(deckId: string) {
  return h.db().card.findMany({ where: { deckId }, orderBy: { key: 'asc' }, select: { id: true, key: true, prompt: true, archived: true, updatedAt: true } });
}

describe('built-in deck loader', () => {
  it('was run at start: 9 built-in decks with 253 live cards', async () => {
    expect(await h.db().deck.count({ where: { builtIn: true } })).toBe(9);
    expect(await h.db().card.count({ where: { archived: false } })).toBe(253);
  });

  it('is idempotent: loading the same files again changes nothing and keeps every card id', async () => {
    const before = await h.db().card.findMany({ orderBy: { id: 'asc' }, select: { id: true, deckId: true, key: true, updatedAt: true } });
    const report = await load(h.db(), deckDir);
    expect(report).toEqual({ decks: 9, skipped: 9, cardsCreated: 0, cardsUpdated: 0, cardsArchived: 0 });
    const after = await h.db().card.findMany({ orderBy: { id: 'asc' }, select: { id: true, deckId: true, key: true, updatedAt: true } });
    expect(after).toEqual(before);
  });

  it('updates an edited card in place and keeps its review history', async () => {
    const card = (await cardsOf('sqs')).find((c) => c.key === 'sqs-what-is')!;
    const user = await h.db().user.create({ data: { id: 'loader-user', name: 'Lou', email: 'lou@example.com' } });
    await h.db().cardState.create({
      data: { userId: user.id, cardId: card.id, deckId: 'sqs', due: NOW, stability: 3.2, difficulty: 5.1, elapsedDays: 0, scheduledDays: 3, reps: 1, lapses: 0, state: 2, lastReview: NOW },
    });
    await h.db().reviewLog.create({
      data: { userId: user.id, cardId: card.id, deckId: 'sqs', clientId: 'c-1', rating: 3, state: 0, due: NOW, stability: 0, difficulty: 0, elapsedDays: 0, lastElapsedDays: 0, scheduledDays: 0, review: NOW },
    });

    const text = fs.readFileSync(sqsFile(), 'utf8');
    const edited = text.replace('prompt: What kind of AWS service is Amazon SQS?', 'prompt: Which kind of AWS service is Amazon SQS?');
    expect(edited).not.toBe(text);
    fs.writeFileSync(sqsFile(), edited);

    const report = await load(h.db(), deckDir);
    expect(report.skipped).toBe(8);
    expect(report.cardsCreated).toBe(0);
    expect(report.cardsArchived).toBe(0);

    const after = (await cardsOf('sqs')).find((c) => c.key === 'sqs-what-is')!;
    expect(after.id).toBe(card.id);
    expect(after.prompt).toBe('Which kind of AWS service is Amazon SQS?');
    expect(await h.db().cardState.count({ where: { cardId: card.id, userId: user.id } })).toBe(1);
    expect(await h.db().reviewLog.count({ where: { cardId: card.id, userId: user.id } })).toBe(1);
  });

  it('archives a card removed from its file (history kept) and brings it back when restored', async () => {
    const original = fs.readFileSync(sqsFile(), 'utf8');
    const start = original.indexOf('=== sqs-acronym');
    const end = original.indexOf('===', start + 3);
    fs.writeFileSync(sqsFile(), original.slice(0, start) + original.slice(end));
    const card = (await cardsOf('sqs')).find((c) => c.key === 'sqs-acronym')!;
    await h.db().cardState.create({
      data: { userId: 'loader-user', cardId: card.id, deckId: 'sqs', due: NOW, stability: 1, difficulty: 5, elapsedDays: 0, scheduledDays: 1, reps: 1, lapses: 0, state: 2 },
    });

    const report = await load(h.db(), deckDir);
    expect(report.cardsArchived).toBe(1);
    const archived = (await cardsOf('sqs')).find((c) => c.key === 'sqs-acronym')!;
    expect(archived).toMatchObject({ id: card.id, archived: true });
    expect(await h.db().cardState.count({ where: { cardId: card.id } })).toBe(1);
    expect(await h.db().card.count({ where: { deckId: 'sqs', archived: false } })).toBe(38);

    fs.writeFileSync(sqsFile(), original);
    await load(h.db(), deckDir);
    expect((await cardsOf('sqs')).find((c) => c.key === 'sqs-acronym')).toMatchObject({ id: card.id, archived: false });
  });

  it('refuses a broken deck file with its line and writes nothing', async () => {
    const before = await h.db().card.count();
    fs.writeFileSync(path.join(deckDir, 'broken.deck'), 'deck: broken\ntitle: Broken\n\n=== b-1\nkind: mcq\nsection: X › Y\nprompt: ?\n');
    await expect(load(h.db(), deckDir)).rejects.toThrow(/broken\.deck:4: .*missing 'options'/);
    fs.rmSync(path.join(deckDir, 'broken.deck'));
    expect(await h.db().card.count()).toBe(before);
  });
});

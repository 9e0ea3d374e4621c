import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CardData, DeckData } from '@/core/decks/card-types';
import { checkDeckFiles, formatProblem } from '@/core/decks/deck-check';
import type { Db } from '../db';

export interface LoadReport {
  decks: number;
  skipped: number;
  cardsCreated: number;
  cardsUpdated: number;
  cardsArchived: number;
}

/** Columns of a Card row that come from the deck file. */
export function cardColumns(card: CardData, ord: number) {
  return {
    ord,
    kind: card.kind,
    prompt: card.prompt,
    answer: card.answer,
    options: card.options ?? undefined,
    correct: card.correct ?? undefined,
    accepted: card.accepted ?? undefined,
    explanation: card.explanation ?? null,
    section: card.section,
    tags: card.tags ?? [],
    needsAnswerKey: card.needsAnswerKey ?? false,
    archived: false,
  };
}

/**
 * Writes one deck into the database, matching cards by their stable key: new keys are created,
 * known keys updated in place (so every user's review history for that card is kept), and keys
 * no longer in the deck are archived rather than deleted.
 */
export async function upsertDeck(
  prisma: Db,
  deck: DeckData,
  extra: { builtIn: boolean; ownerId?: string | null; contentHash?: string | null },
): Promise<Omit<LoadReport, 'decks' | 'skipped'>> {
  return prisma.$transaction(async (tx) => {
    await tx.deck.upsert({
      where: { id: deck.id },
      create: {
        id: deck.id,
        title: deck.title,
        description: deck.description,
        sourceDoc: deck.source ?? null,
        builtIn: extra.builtIn,
        ownerId: extra.ownerId ?? null,
        contentHash: extra.contentHash ?? null,
      },
      update: {
        title: deck.title,
        description: deck.description,
        sourceDoc: deck.source ?? null,
        contentHash: extra.contentHash ?? null,
      },
    });
    const existing = await tx.card.findMany({ where: { deckId: deck.id }, select: { id: true, key: true, archived: true } });
    const byKey = new Map(existing.map((c) => [c.key, c]));
    let cardsCreated = 0;
    let cardsUpdated = 0;
    for (const [ord, card] of deck.cards.entries()) {
      const columns = cardColumns(card, ord);
      const row = byKey.get(card.key);
      if (row) {
        await tx.card.update({ where: { id: row.id }, data: columns });
        cardsUpdated++;
        byKey.delete(card.key);
      } else {
        await tx.card.create({ data: { ...columns, deckId: deck.id, key: card.key } });
        cardsCreated++;
      }
    }
    const gone = [...byKey.values()].filter((c) => !c.archived).map((c) => c.id);
    if (gone.length) await tx.card.updateMany({ where: { id: { in: gone } }, data: { archived: true } });
    return { cardsCreated, cardsUpdated, cardsArchived: gone.length };
  });
}

/**
 * Loads every `*.deck` file in `dir` as a built-in deck. Idempotent: a file whose content hash
 * matches what was loaded last time is skipped, so a restart writes nothing.
 */
export async function loadBuiltinDecks(prisma: Db, dir = path.resolve('content/decks')): Promise<LoadReport> {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.deck'))
    .map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') }));
  const checked = checkDeckFiles(files);
  if (checked.problems.length) {
    throw new Error(`Deck files have problems:\n${checked.problems.map(formatProblem).join('\n')}`);
  }
  const report: LoadReport = { decks: 0, skipped: 0, cardsCreated: 0, cardsUpdated: 0, cardsArchived: 0 };
  const hashes = new Map(files.map((f) => [f.name.replace(/\.deck$/, ''), sha256(f.text)]));
  for (const deck of checked.decks) {
    report.decks++;
    const contentHash = hashes.get(deck.id) ?? null;
    const current = await prisma.deck.findUnique({ where: { id: deck.id }, select: { contentHash: true } });
    if (current && current.contentHash === contentHash) {
      report.skipped++;
      continue;
    }
    const r = await upsertDeck(prisma, deck, { builtIn: true, contentHash });
    report.cardsCreated += r.cardsCreated;
    report.cardsUpdated += r.cardsUpdated;
    report.cardsArchived += r.cardsArchived;
  }
  return report;
}

function sha256(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

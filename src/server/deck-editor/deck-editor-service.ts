/**
 * The instructor deck editor: their own decks (including decks the builder or import saved for
 * them) are editable card by card; built-in decks are read-only and can be duplicated. Edited cards
 * keep their id and key, so every student's review history stays with them; deleting a card
 * archives it (hidden everywhere, history kept), like removing it from a deck file.
 */
import { z } from 'zod';
import type { Db } from '../db';
import type { SessionUser } from '../auth';
import { forbidden, notFound } from '../api';
import { CARD_KINDS } from '@/core/decks/card-types';
import { slugify, uniqueKey } from '@/core/decks/slug';
import { cardColumns } from '../decks/load-builtin';
import { CARD_ROW_SELECT, rowToCard } from '../decks/card-row';
import { newUserDeckId } from '../decks/save-user-deck';
import { checkInput } from '../classes/check-input';
import { validateCardDraft, type DraftErrors } from '@/core/decks/card-draft';

const text = (max: number) => z.string().max(max, `at most ${max} characters`);

export const CardDraftSchema = z
  .object({
    kind: z.enum(CARD_KINDS),
    section: text(300),
    prompt: text(5000),
    answer: text(5000).default(''),
    options: z.array(z.object({ text: text(1000), correct: z.boolean() }).strict()).max(12).default([]),
    accepted: z.array(text(500)).max(20).default([]),
    explanation: text(5000).default(''),
    tags: text(600).default(''),
  })
  .strict();

export const DeckMetaSchema = z
  .object({
    title: z.string().trim().min(1, 'Title is required.').max(120),
    description: text(1000).default(''),
  })
  .strict();

/** 422 carrying per-field errors, so the form can show each next to its field. */
export class CardInvalidError extends Error {
  constructor(readonly errors: DraftErrors) {
    super('The card has problems.');
  }
}

export const EDITOR_DECK_NOT_FOUND = 'Deck not found.';

function requireInstructorUser(user: SessionUser) {
  if (user.role !== 'instructor') throw forbidden('Only instructors can edit decks.');
}

/** A deck the instructor may open in the editor: their own (editable) or a built-in one (read-only). */
async function loadDeckForEditor(prisma: Db, user: SessionUser, deckId: string) {
  requireInstructorUser(user);
  const deck = await prisma.deck.findUnique({ where: { id: deckId } });
  if (!deck || !(deck.builtIn || deck.ownerId === user.id)) throw notFound(EDITOR_DECK_NOT_FOUND);
  return { deck, readOnly: deck.builtIn };
}

/** A deck the instructor may change: their own. Built-in decks get a 403 naming the way out. */
export async function loadEditableDeck(prisma: Db, user: SessionUser, deckId: string) {
  const { deck, readOnly } = await loadDeckForEditor(prisma, user, deckId);
  if (readOnly) throw forbidden('Built-in decks are read-only. Duplicate the deck to edit it.');
  return deck;
}

/** /editor: the instructor's own decks and the built-in decks they can duplicate. */
export async function listEditorDecks(prisma: Db, user: SessionUser) {
  requireInstructorUser(user);
  const rows = await prisma.deck.findMany({
    where: { OR: [{ ownerId: user.id, builtIn: false }, { builtIn: true }] },
    select: { id: true, title: true, description: true, builtIn: true, updatedAt: true, _count: { select: { cards: { where: { archived: false } } } } },
    orderBy: [{ builtIn: 'asc' }, { updatedAt: 'desc' }],
  });
  const shape = (d: (typeof rows)[number]) => ({ id: d.id, title: d.title, description: d.description, cardCount: d._count.cards, updatedAt: d.updatedAt });
  return { own: rows.filter((d) => !d.builtIn).map(shape), builtIn: rows.filter((d) => d.builtIn).map(shape) };
}

/** Creates an empty deck owned by the instructor. */
export async function createEditorDeck(prisma: Db, user: SessionUser, input: unknown) {
  requireInstructorUser(user);
  const meta = checkInput(DeckMetaSchema, input);
  return prisma.deck.create({ data: { id: newUserDeckId(meta.title), title: meta.title, description: meta.description, builtIn: false, ownerId: user.id } });
}

/** The deck and its live cards (in order) for the editor page. */
export async function getEditorDeck(prisma: Db, user: SessionUser, deckId: string) {
  const { deck, readOnly } = await loadDeckForEditor(prisma, user, deckId);
  const rows = await prisma.card.findMany({ where: { deckId, archived: false }, select: CARD_ROW_SELECT, orderBy: { ord: 'asc' } });
  return { id: deck.id, title: deck.title, description: deck.description, builtIn: deck.builtIn, readOnly, cards: rows.map(rowToCard) };
}

export async function updateDeckMeta(prisma: Db, user: SessionUser, deckId: string, input: unknown) {
  await loadEditableDeck(prisma, user, deckId);
  const meta = checkInput(DeckMetaSchema, input);
  return prisma.deck.update({ where: { id: deckId }, data: { title: meta.title, description: meta.description } });
}

/** Copies a built-in or own deck into a new deck the instructor owns; cards keep their keys. */
export async function duplicateDeck(prisma: Db, user: SessionUser, deckId: string) {
  const { deck } = await loadDeckForEditor(prisma, user, deckId);
  const cards = await prisma.card.findMany({ where: { deckId, archived: false }, select: CARD_ROW_SELECT, orderBy: { ord: 'asc' } });
  const title = `${deck.title} (copy)`.slice(0, 120);
  const id = newUserDeckId(title);
  await prisma.$transaction(async (tx) => {
    await tx.deck.create({ data: { id, title, description: deck.description, sourceDoc: deck.sourceDoc, builtIn: false, ownerId: user.id } });
    for (const [ord, row] of cards.entries()) {
      const card = rowToCard(row);
      await tx.card.create({ data: { ...cardColumns(card, ord), deckId: id, key: card.key } });
    }
  });
  return { id, title, cards: cards.length };
}

function validOrThrow(draftInput: unknown, key: string) {
  const draft = checkInput(CardDraftSchema, draftInput);
  const check = validateCardDraft(draft, key);
  if (!check.ok) throw new CardInvalidError(check.errors);
  return check.card;
}

/** Adds a card at the end of the deck with a readable key made from its prompt. */
export async function addCard(prisma: Db, user: SessionUser, deckId: string, draftInput: unknown) {
  await loadEditableDeck(prisma, user, deckId);
  // why: validate the form before picking a key, so an empty prompt reports "prompt is empty".
  validOrThrow(draftInput, 'new-card');
  const existing = await prisma.card.findMany({ where: { deckId }, select: { key: true, ord: true } });
  // why: archived keys stay taken; a new card must not inherit a deleted card's review history.
  const taken = new Set(existing.map((c) => c.key));
  const draft = checkInput(CardDraftSchema, draftInput);
  const key = uniqueKey(slugify(draft.prompt.replace(/\{\{c\d+::|\}\}/g, ' '), 40) || 'card', taken);
  const card = validOrThrow(draft, key);
  const ord = existing.reduce((m, c) => Math.max(m, c.ord + 1), 0);
  const row = await prisma.card.create({ data: { ...cardColumns(card, ord), deckId, key }, select: CARD_ROW_SELECT });
  await prisma.deck.update({ where: { id: deckId }, data: { updatedAt: new Date() } });
  return rowToCard(row);
}

/** Replaces a card's content; its id, key and position stay. */
export async function updateCard(prisma: Db, user: SessionUser, deckId: string, cardId: string, draftInput: unknown) {
  await loadEditableDeck(prisma, user, deckId);
  const current = await prisma.card.findUnique({ where: { id: cardId } });
  if (!current || current.deckId !== deckId || current.archived) throw notFound('Card not found.');
  const card = validOrThrow(draftInput, current.key);
  const row = await prisma.card.update({ where: { id: cardId }, data: cardColumns(card, current.ord), select: CARD_ROW_SELECT });
  return rowToCard(row);
}

/** Deletes a card from the deck: archived, so review history and past reports keep it. */
export async function deleteCard(prisma: Db, user: SessionUser, deckId: string, cardId: string) {
  await loadEditableDeck(prisma, user, deckId);
  const res = await prisma.card.updateMany({ where: { id: cardId, deckId, archived: false }, data: { archived: true } });
  if (res.count === 0) throw notFound('Card not found.');
}


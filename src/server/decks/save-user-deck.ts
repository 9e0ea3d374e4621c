import crypto from 'node:crypto';
import type { DeckData } from '@/core/decks/card-types';
import { slugify } from '@/core/decks/slug';
import type { Db } from '../db';
import { upsertDeck } from './load-builtin';

/**
 * A fresh id for a user's deck: readable, inside the deck id rules (`[a-z0-9-]+`), and never one
 * of the built-in ids (those never start with `u-`).
 */
export function newUserDeckId(title: string): string {
  const slug = slugify(title, 40) || 'deck';
  return `u-${slug}-${crypto.randomBytes(4).toString('hex')}`;
}

/** Saves a validated deck as a new deck owned by `ownerId`; returns its id. */
export async function saveUserDeck(prisma: Db, deck: DeckData, ownerId: string): Promise<{ id: string; cards: number }> {
  const id = newUserDeckId(deck.title);
  await upsertDeck(prisma, { ...deck, id }, { builtIn: false, ownerId });
  return { id, cards: deck.cards.length };
}

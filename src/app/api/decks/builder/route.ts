import type { CardData } from '@/core/decks/card-types';
import { json, parseBody, requireInstructor, route } from '@/server/api';
import { db } from '@/server/db';
import { saveUserDeck } from '@/server/decks/save-user-deck';
import { builderSaveBodySchema, type DraftCardInput } from '@/server/decks/schemas';
import { validateDraftDeck } from '@/server/decks/validate-draft';

function toCard(c: DraftCardInput): CardData {
  const card: CardData = { key: c.key.trim(), kind: c.kind, prompt: c.prompt, answer: c.answer, section: c.section };
  if (c.kind === 'mcq' || c.kind === 'multi' || c.kind === 'tf') {
    card.options = c.options ?? [];
    card.correct = [...new Set(c.correct ?? [])].filter((i) => i < card.options!.length).sort((a, b) => a - b);
    // why: a choice card is a draft exactly while it has no key; setting the key clears the mark.
    if (c.kind !== 'tf' && card.correct.length === 0) card.needsAnswerKey = true;
  }
  if (c.accepted?.length) card.accepted = c.accepted;
  if (c.explanation?.trim()) card.explanation = c.explanation;
  if (c.tags?.length) card.tags = c.tags;
  return card;
}

/**
 * POST /api/decks/builder (instructors): validates edited drafts with the deck engine's rules and
 * saves them as a new deck owned by the instructor. 400 with errors per card when invalid.
 */
export const POST = route(async (req) => {
  const user = await requireInstructor(req);
  const body = await parseBody(req, builderSaveBodySchema, 4 * 1024 * 1024);
  const deck = {
    id: 'draft',
    title: body.title,
    description: body.description.trim(),
    ...(body.source ? { source: body.source } : {}),
    cards: body.cards.map(toCard),
  };
  const check = validateDraftDeck(deck);
  if (!check.ok) {
    return json({ error: { code: 'invalid_deck', message: 'Some cards need fixing before the deck can be saved.' }, ...check }, { status: 400 });
  }
  const saved = await saveUserDeck(db(), check.deck, user.id);
  return json({ deck: saved }, { status: 201 });
});

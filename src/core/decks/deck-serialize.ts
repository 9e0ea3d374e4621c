/**
 * DeckData -> deck file text. parseDeckFile(serializeDeck(d)) deep-equals d for any deck the
 * parser can produce; the format cannot hold blank lines or surrounding spaces inside a value,
 * so those are normalised away (see docs/deck-format.md).
 */
import type { CardData, DeckData } from './card-types';

export function serializeDeck(deck: DeckData): string {
  const out: string[] = [];
  field(out, 'deck', deck.id);
  field(out, 'title', deck.title);
  if (deck.description) field(out, 'description', deck.description);
  if (deck.source) field(out, 'source', deck.source);
  for (const card of deck.cards) {
    out.push('', `=== ${card.key}`);
    serializeCard(out, card);
  }
  return `${out.join('\n')}\n`;
}

function serializeCard(out: string[], card: CardData): void {
  field(out, 'kind', card.kind);
  field(out, 'section', card.section);
  if (card.tags && card.tags.length > 0) field(out, 'tags', card.tags.join(', '));
  field(out, 'prompt', card.prompt);
  switch (card.kind) {
    case 'basic':
      field(out, 'answer', card.answer);
      break;
    case 'type':
      field(out, 'answer', card.answer);
      if (card.accepted && card.accepted.length > 0) field(out, 'accept', card.accepted.join(' | '));
      break;
    case 'tf': {
      const isFalse = card.correct ? card.correct[0] === 1 : card.answer.trim().toLowerCase() === 'false';
      field(out, 'answer', isFalse ? 'false' : 'true');
      break;
    }
    case 'mcq':
    case 'multi': {
      out.push('options:');
      const correct = new Set(card.correct ?? []);
      (card.options ?? []).forEach((text, i) => {
        const [first, ...rest] = valueLines(text);
        out.push(`  ${correct.has(i) ? '*' : '-'} ${first}`);
        for (const more of rest) out.push(`    ${more}`);
      });
      if (card.needsAnswerKey) field(out, 'needs-key', 'true');
      break;
    }
    case 'cloze':
      break;
  }
  if (card.explanation) field(out, 'explanation', card.explanation);
}

function field(out: string[], name: string, value: string): void {
  const [first, ...rest] = valueLines(value);
  out.push(first === '' ? `${name}:` : `${name}: ${first}`);
  for (const more of rest) out.push(`  ${more}`);
}

function valueLines(value: string): string[] {
  const lines = value.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  return lines.length > 0 ? lines : [''];
}

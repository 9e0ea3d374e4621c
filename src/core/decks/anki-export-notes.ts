/**
 * Our cards → Anki notes for an .apkg export. Basic and type cards become Basic notes, cloze cards
 * Cloze notes (our deletions are hidden together, so every deletion is renumbered c1), and choice
 * cards (mcq, multi, tf) Basic notes with the lettered options on the front and the key on the back.
 * Field text is HTML-escaped: Anki renders fields as HTML.
 */
import type { CardData, DeckData } from './card-types';
import { shortHash } from './slug';

export interface AnkiExportNote {
  /** Stable per deck and card key, so re-importing into Anki updates rather than duplicates. */
  guid: string;
  model: 'basic' | 'cloze';
  fields: [string, string];
  tags: string[];
  /** Full deck name in Anki, `Deck title::Section::Sub-section`. */
  deckName: string;
}

const LETTERS = 'ABCDEFGHIJKL';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, '<br>');
}

/** Anki deck name for a card: the deck title then the section path after the topic. */
export function ankiDeckName(deck: DeckData, card: CardData): string {
  const parts = card.section.split('›').map((s) => s.trim().replace(/::/g, ':')).filter((s) => s !== '');
  const rest = parts.length > 1 ? parts.slice(1) : [];
  return [deck.title.replace(/::/g, ':'), ...rest].join('::');
}

export function cardToAnkiNote(deck: DeckData, card: CardData): AnkiExportNote {
  const base = { guid: `sr-${shortHash(`${deck.id}/${card.key}`)}${shortHash(card.key)}`, tags: (card.tags ?? []).map((t) => t.replace(/\s+/g, '_')), deckName: ankiDeckName(deck, card) };
  const extra = card.explanation ? escapeHtml(card.explanation) : '';
  switch (card.kind) {
    case 'cloze':
      return { ...base, model: 'cloze', fields: [escapeHtml(card.prompt).replace(/\{\{c\d+::/g, '{{c1::'), extra] };
    case 'mcq':
    case 'multi':
    case 'tf': {
      const options = card.options ?? [];
      const correct = card.correct ?? [];
      const front = [escapeHtml(card.prompt), ...options.map((o, i) => `${LETTERS[i]}. ${escapeHtml(o)}`)].join('<br>');
      const key = correct.length > 0 ? correct.map((i) => `${LETTERS[i]}. ${escapeHtml(options[i] ?? '')}`).join('<br>') : '(no answer key yet)';
      return { ...base, model: 'basic', fields: [front, extra ? `${key}<br><br>${extra}` : key] };
    }
    default:
      return { ...base, model: 'basic', fields: [escapeHtml(card.prompt), extra ? `${escapeHtml(card.answer)}<br><br>${extra}` : escapeHtml(card.answer)] };
  }
}

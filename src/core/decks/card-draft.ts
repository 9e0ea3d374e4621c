/**
 * The deck editor's card form, validated by the deck engine's own rules (parseDeckFile), with each
 * problem mapped back to the form field it belongs to. PURE (imports only src/core): the editor
 * form imports it to show errors while typing, and the server runs it again before saving.
 */
import { CARD_KINDS, type CardData, type CardKind } from '@/core/decks/card-types';
import { parseDeckFile, serializeDeck } from '@/core/decks/deck-file';

export interface DraftOption {
  text: string;
  correct: boolean;
}

/** The editor form's state for one card (every kind's fields; unused ones are ignored). */
export interface CardDraft {
  kind: CardKind;
  section: string;
  prompt: string;
  /** basic/type: the answer; tf: "true" or "false". */
  answer: string;
  /** mcq/multi. */
  options: DraftOption[];
  /** type: other accepted answers. */
  accepted: string[];
  explanation: string;
  /** Comma-separated. */
  tags: string;
}

export const DRAFT_FIELDS = ['kind', 'section', 'prompt', 'answer', 'options', 'accepted', 'explanation', 'tags'] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number] | 'card';
export type DraftErrors = Partial<Record<DraftField, string[]>>;

export type DraftCheck = { ok: true; card: CardData } | { ok: false; errors: DraftErrors };

export function emptyDraft(kind: CardKind = 'basic', section = ''): CardDraft {
  return {
    kind,
    section,
    prompt: '',
    answer: kind === 'tf' ? 'true' : '',
    options: kind === 'mcq' || kind === 'multi' ? [0, 1, 2, 3].map((i) => ({ text: '', correct: i === 0 })) : [],
    accepted: [],
    explanation: '',
    tags: '',
  };
}

/** The form state for an existing card. */
export function draftFromCard(card: CardData): CardDraft {
  const correct = new Set(card.correct ?? []);
  return {
    kind: card.kind,
    section: card.section,
    prompt: card.prompt,
    answer: card.kind === 'tf' ? (correct.has(1) ? 'false' : 'true') : card.kind === 'cloze' ? '' : card.answer,
    options: card.kind === 'mcq' || card.kind === 'multi' ? (card.options ?? []).map((text, i) => ({ text, correct: correct.has(i) })) : [],
    accepted: card.accepted ?? [],
    explanation: card.explanation ?? '',
    tags: (card.tags ?? []).join(', '),
  };
}

/** The draft as CardData, before validation (serializeDeck writes it as a deck file card). */
function toCardData(d: CardDraft, key: string): CardData {
  const card: CardData = { key, kind: d.kind, prompt: d.prompt, answer: d.answer, section: d.section };
  const tags = d.tags.split(',').map((t) => t.trim()).filter(Boolean);
  if (tags.length) card.tags = tags;
  if (d.explanation.trim()) card.explanation = d.explanation;
  if (d.kind === 'mcq' || d.kind === 'multi') {
    card.options = d.options.map((o) => o.text);
    card.correct = d.options.flatMap((o, i) => (o.correct ? [i] : []));
  }
  if (d.kind === 'tf') card.correct = [d.answer.trim().toLowerCase() === 'false' ? 1 : 0];
  if (d.kind === 'type') {
    const accepted = d.accepted.map((a) => a.trim()).filter(Boolean);
    if (accepted.length) card.accepted = accepted;
  }
  return card;
}

const FILE_FIELD_TO_DRAFT: Record<string, DraftField> = {
  kind: 'kind',
  section: 'section',
  prompt: 'prompt',
  answer: 'answer',
  options: 'options',
  'needs-key': 'options',
  accept: 'accepted',
  explanation: 'explanation',
  tags: 'tags',
};

/**
 * Validates a draft with the deck file rules. why: writing it as a one-card deck file and parsing it
 * back means the editor accepts exactly what `npm run deck -- check`, imports and exports accept.
 * `key` is the card's stable id (kept on edits); a new card may pass any valid placeholder.
 */
export function validateCardDraft(draft: CardDraft, key = 'new-card'): DraftCheck {
  if (!(CARD_KINDS as readonly string[]).includes(draft.kind)) return { ok: false, errors: { kind: [`Choose a kind: ${CARD_KINDS.join(', ')}.`] } };
  const text = serializeDeck({ id: 'draft', title: 'Draft', description: '', cards: [toCardData(draft, key)] });
  const parsed = parseDeckFile(text);
  if (parsed.ok && parsed.deck.cards.length === 1) return { ok: true, card: parsed.deck.cards[0]! };

  // Which form field each line of the generated file belongs to.
  const fieldOfLine: DraftField[] = [];
  // For lines inside `options:`, the 1-based option they belong to (so "empty option" names it).
  const optionOfLine: number[] = [];
  let current: DraftField = 'card';
  let option = 0;
  for (const line of text.split('\n')) {
    const m = /^([a-z-]+):/.exec(line);
    if (line.startsWith('=== ')) current = 'card';
    else if (m) {
      current = FILE_FIELD_TO_DRAFT[m[1]!] ?? 'card';
      option = 0;
    } else if (!/^\s/.test(line)) current = 'card';
    else if (current === 'options' && /^\s+[-*]( |$)/.test(line)) option++;
    fieldOfLine.push(current);
    optionOfLine.push(current === 'options' ? option : 0);
  }
  const errors: DraftErrors = {};
  for (const e of parsed.errors) {
    let field = fieldOfLine[e.line - 1] ?? 'card';
    if (field === 'card') {
      // "card 'x' is missing 'answer'" is reported on the card line: attribute it to the field named.
      const named = /'(kind|section|prompt|answer|options|accept)'/.exec(e.message.replace(/^card '[^']*'/, ''));
      if (named) field = FILE_FIELD_TO_DRAFT[named[1]!]!;
    }
    const n = field === 'options' ? (optionOfLine[e.line - 1] ?? 0) : 0;
    const message = n > 0 ? (e.message === 'empty option' ? `Option ${n} is empty.` : `Option ${n}: ${e.message}`) : humanize(e.message);
    const list = (errors[field] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  if (Object.keys(errors).length === 0) errors.card = ['The card could not be read back.'];
  return { ok: false, errors };
}

/** Deck-file wording ("'prompt' is empty") reads fine in a form once capitalised. */
function humanize(message: string): string {
  // why: shown under the field itself, so "'prompt' is empty" / "is missing 'answer'" just mean required.
  if (/^'[a-z-]+' is empty$/.test(message) || /is missing '[a-z-]+'$/.test(message)) return 'Required.';
  const m = message.replace(/^card '[^']*' /, 'Card ');
  return m.charAt(0).toUpperCase() + m.slice(1);
}

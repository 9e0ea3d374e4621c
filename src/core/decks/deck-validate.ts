/**
 * Second pass: raw blocks -> DeckData, collecting every problem with its line.
 * The rules are documented in docs/deck-format.md.
 */
import { CARD_KINDS, type CardData, type CardKind, type DeckData } from './card-types';
import { clozeDeletions, clozeAnswer } from './cloze';
import type { DeckError, RawBlock, RawField, LexResult } from './deck-lex';

export interface ValidateOptions {
  /** Built-in decks: mcq needs exactly 4 options, no `needs-key` drafts, at least one card. */
  builtIn?: boolean;
  /** The deck id the file name implies (`sqs.deck` -> `sqs`); a different `deck:` is an error. */
  expectedId?: string;
}

export const ID_PATTERN = /^[a-z0-9-]+$/;
export const MAX_ID_LENGTH = 100;
const HEADER_FIELDS = ['deck', 'title', 'description', 'source'];
const COMMON_FIELDS = ['kind', 'section', 'prompt', 'explanation', 'tags'];
const KIND_FIELDS: Record<CardKind, string[]> = {
  basic: ['answer'],
  cloze: [],
  mcq: ['options', 'needs-key'],
  multi: ['options', 'needs-key'],
  tf: ['answer'],
  type: ['answer', 'accept'],
};
const ALL_CARD_FIELDS = new Set([...COMMON_FIELDS, ...Object.values(KIND_FIELDS).flat()]);
export const TF_OPTIONS = ['True', 'False'];
/** Separator used for the display answer of multi-select cards. */
export const MULTI_ANSWER_SEPARATOR = '; ';

export function idProblem(id: string): string | null {
  if (id === '') return 'missing id';
  if (id.length > MAX_ID_LENGTH) return `id is longer than ${MAX_ID_LENGTH} characters`;
  if (!ID_PATTERN.test(id)) return `id '${id}' may only hold a-z, 0-9 and '-'`;
  return null;
}

export function validateDeck(lexed: LexResult, options: ValidateOptions = {}): { deck: DeckData; errors: DeckError[] } {
  const errors: DeckError[] = [...lexed.errors];
  const deck = validateHeader(lexed.header, options, errors);
  const seen = new Map<string, number>();
  for (const block of lexed.cards) {
    const problem = idProblem(block.id);
    if (problem) errors.push({ line: block.line, message: `card ${problem}` });
    const first = seen.get(block.id);
    if (first !== undefined && block.id !== '') {
      errors.push({ line: block.line, message: `duplicate card id '${block.id}' (first on line ${first})` });
    } else {
      seen.set(block.id, block.line);
    }
    const card = validateCard(block, options, errors);
    if (card) deck.cards.push(card);
  }
  if (options.builtIn && lexed.cards.length === 0) {
    errors.push({ line: 1, message: 'deck has no cards' });
  }
  errors.sort((a, b) => a.line - b.line);
  return { deck, errors };
}

function indexFields(block: RawBlock, allowed: (name: string) => boolean, errors: DeckError[]): Map<string, RawField> {
  const byName = new Map<string, RawField>();
  for (const f of block.fields) {
    if (!allowed(f.name)) {
      errors.push({ line: f.line, message: `unknown field '${f.name}'` });
      continue;
    }
    const prev = byName.get(f.name);
    if (prev) {
      errors.push({ line: f.line, message: `duplicate field '${f.name}' (first on line ${prev.line})` });
      continue;
    }
    byName.set(f.name, f);
  }
  return byName;
}

function validateHeader(block: RawBlock, options: ValidateOptions, errors: DeckError[]): DeckData {
  const f = indexFields(block, (n) => HEADER_FIELDS.includes(n), errors);
  const deckField = f.get('deck');
  const id = deckField?.value ?? '';
  if (!deckField) {
    errors.push({ line: 1, message: "missing header field 'deck: <deck-id>'" });
  } else {
    const problem = idProblem(id);
    if (problem) errors.push({ line: deckField.line, message: `deck ${problem}` });
    else if (options.expectedId !== undefined && id !== options.expectedId) {
      errors.push({ line: deckField.line, message: `deck id '${id}' does not match the file name '${options.expectedId}.deck'` });
    }
  }
  const title = f.get('title');
  if (!title || title.value === '') {
    errors.push({ line: title?.line ?? 1, message: "missing header field 'title'" });
  }
  const deck: DeckData = { id, title: title?.value ?? '', description: f.get('description')?.value ?? '', cards: [] };
  const source = f.get('source')?.value;
  if (source) deck.source = source;
  return deck;
}

function validateCard(block: RawBlock, options: ValidateOptions, errors: DeckError[]): CardData | null {
  const before = errors.length;
  const f = indexFields(block, (n) => ALL_CARD_FIELDS.has(n), errors);
  const kindField = f.get('kind');
  const label = block.id ? `card '${block.id}'` : 'card';
  if (!kindField) {
    errors.push({ line: block.line, message: `${label} has no 'kind'` });
    return null;
  }
  if (!(CARD_KINDS as readonly string[]).includes(kindField.value)) {
    errors.push({ line: kindField.line, message: `unknown kind '${kindField.value}' (expected ${CARD_KINDS.join(', ')})` });
    return null;
  }
  const kind = kindField.value as CardKind;
  for (const field of f.values()) {
    if (!COMMON_FIELDS.includes(field.name) && !KIND_FIELDS[kind].includes(field.name)) {
      errors.push({ line: field.line, message: `field '${field.name}' is not used by ${kind} cards` });
    }
  }
  const required = (name: string): string => {
    const field = f.get(name);
    if (!field) errors.push({ line: block.line, message: `${label} is missing '${name}'` });
    else if (field.value === '') errors.push({ line: field.line, message: `'${name}' is empty` });
    return field?.value ?? '';
  };
  const section = required('section');
  const prompt = required('prompt');
  const card: CardData = { key: block.id, kind, prompt, answer: '', section };
  const explanation = f.get('explanation')?.value;
  if (explanation) card.explanation = explanation;
  const tags = f.get('tags')?.value.split(',').map((t) => t.trim()).filter((t) => t !== '');
  if (tags && tags.length > 0) card.tags = tags;

  switch (kind) {
    case 'basic':
      card.answer = required('answer');
      break;
    case 'type': {
      card.answer = required('answer');
      const accepted = f.get('accept')?.value.split('|').map((a) => a.trim()).filter((a) => a !== '');
      if (accepted && accepted.length > 0) card.accepted = accepted;
      break;
    }
    case 'tf': {
      const value = required('answer');
      const answerLine = f.get('answer')?.line ?? block.line;
      const lower = value.toLowerCase();
      if (value !== '' && lower !== 'true' && lower !== 'false') {
        errors.push({ line: answerLine, message: `tf answer must be 'true' or 'false', not '${value}'` });
      }
      card.options = [...TF_OPTIONS];
      card.correct = [lower === 'false' ? 1 : 0];
      card.answer = TF_OPTIONS[card.correct[0]];
      break;
    }
    case 'cloze':
      checkCloze(prompt, f.get('prompt')?.line ?? block.line, errors);
      card.answer = clozeAnswer(prompt);
      break;
    case 'mcq':
    case 'multi':
      validateChoices(card, f, block, options, errors);
      break;
  }
  return errors.length === before ? card : null;
}

function checkCloze(prompt: string, line: number, errors: DeckError[]): void {
  if (prompt === '') return;
  const deletions = clozeDeletions(prompt);
  if (!deletions.some((d) => d.text.trim() !== '')) {
    errors.push({ line, message: 'cloze prompt has no {{c1::...}} deletion' });
  } else if ((prompt.match(/\{\{/g) ?? []).length !== deletions.length) {
    errors.push({ line, message: "malformed cloze deletion: write '{{c1::hidden text}}'" });
  } else if (deletions.some((d) => d.text.trim() === '')) {
    errors.push({ line, message: 'empty cloze deletion' });
  }
}

function validateChoices(
  card: CardData,
  f: Map<string, RawField>,
  block: RawBlock,
  options: ValidateOptions,
  errors: DeckError[],
): void {
  const optionsField = f.get('options');
  const needsKeyField = f.get('needs-key');
  let needsKey = false;
  if (needsKeyField) {
    if (needsKeyField.value !== 'true' && needsKeyField.value !== 'false') {
      errors.push({ line: needsKeyField.line, message: `needs-key must be 'true' or 'false', not '${needsKeyField.value}'` });
    }
    needsKey = needsKeyField.value === 'true';
    if (needsKey && options.builtIn) {
      errors.push({ line: needsKeyField.line, message: 'built-in decks cannot hold drafts: mark the correct option and remove needs-key' });
    }
  }
  if (!optionsField) {
    errors.push({ line: block.line, message: `card '${block.id}' is missing 'options'` });
    return;
  }
  const list = optionsField.options ?? [];
  const line = optionsField.line;
  if (list.length < 2) errors.push({ line, message: `${card.kind} needs at least 2 options, found ${list.length}` });
  else if (options.builtIn && card.kind === 'mcq' && list.length !== 4) {
    errors.push({ line, message: `built-in mcq cards have exactly 4 options, found ${list.length}` });
  }
  const seen = new Set<string>();
  for (const o of list) {
    if (o.text !== '' && seen.has(o.text.toLowerCase())) errors.push({ line: o.line, message: `duplicate option '${o.text}'` });
    seen.add(o.text.toLowerCase());
  }
  const correct = list.flatMap((o, i) => (o.correct ? [i] : []));
  // why: in built-in decks a needs-key card already has its own error; one per problem is enough.
  const allowNone = needsKey;
  if (list.length < 2) {
    // why: the option count error already says what is wrong; a "no correct option" error would be noise.
  } else if (card.kind === 'mcq' && correct.length > 1) {
    errors.push({ line, message: `mcq has exactly one correct option ('* '), found ${correct.length}` });
  } else if (correct.length === 0 && !allowNone) {
    const what = card.kind === 'mcq' ? 'exactly one correct option' : 'at least one correct option';
    errors.push({ line, message: `${card.kind} needs ${what} ('* '), found none` });
  }
  card.options = list.map((o) => o.text);
  card.correct = correct;
  card.answer = correct.map((i) => list[i].text).join(MULTI_ANSWER_SEPARATOR);
  if (needsKey) card.needsAnswerKey = true;
}

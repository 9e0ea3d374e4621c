/**
 * Anki notes, cards and review log (as read from a package's collection) → one deck. Pure: the
 * package reader does the unzipping and SQLite. Field HTML becomes plain text (cards are never
 * rendered as HTML), media references are reported, tags kept, Anki sub-decks become sections.
 *
 * Note types are recognised by what the cards are, which works for the legacy and current layouts
 * alike: a note whose first field holds `{{cN::…}}` is a Cloze note (one card per cloze number, as
 * in Anki); otherwise card template 0 asks field 1 → field 2 and template 1 the reverse
 * (Basic-and-reversed, Basic (optional reversed)).
 */
import type { CardData } from './card-types';
import { stripHtml } from './anki-import';
import type { CardReview } from './deck-export';
import type { DeckError } from './deck-lex';
import { checkCard, type ImportedDeck } from './export-import';
import { shortHash, slugify, uniqueKey } from './slug';

export interface AnkiNote {
  id: number;
  guid: string;
  /** Field values in note-type order (Anki joins them with U+001F). */
  fields: string[];
  /** Space-separated, as Anki stores them. */
  tags: string;
}

export interface AnkiCard {
  id: number;
  noteId: number;
  /** Template index (Basic-and-reversed: 0 forward, 1 reverse); cloze number − 1 for Cloze. */
  ord: number;
  /** Full deck name, `Parent::Child`. */
  deckName: string;
}

export interface AnkiRevlog {
  /** Review time, milliseconds since the epoch (Anki's revlog id). */
  id: number;
  cardId: number;
  /** 1 again … 4 easy; 0 for manual reschedules. */
  ease: number;
  /** 0 learn, 1 review, 2 relearn, 3 filtered, 4 manual, 5 rescheduled. */
  type: number;
}

export interface AnkiCollection {
  notes: AnkiNote[];
  cards: AnkiCard[];
  revlog: AnkiRevlog[];
}

export interface AnkiDeckResult {
  deck: ImportedDeck;
  /** Cards left out, with the reason (line 0: packages have no lines). */
  skipped: DeckError[];
  warnings: string[];
}

const CLOZE = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;
const MEDIA = /<img[^>]*\bsrc\s*=\s*["']?([^"'\s>]+)|\[sound:([^\]]+)\]/gi;

/** Field HTML → safe plain text; scripts and styles dropped with their content. */
export function ankiFieldText(html: string): string {
  const text = stripHtml(
    html
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/\[sound:[^\]]*\]/g, '')
      .replace(/<img\b[^>]*>/gi, '')
      // why: Anki's editor starts each new line with <div>; without a break the words run together.
      .replace(/<(div|p|li|tr|h[1-6])\b[^>]*>/gi, '\n'),
  );
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((l) => l !== '')
    .join('\n');
}

/** Media file names referred to by a field (`<img src>`, `[sound:]`). */
export function mediaRefs(html: string): string[] {
  return [...html.matchAll(MEDIA)].map((m) => m[1] ?? m[2]).filter((n): n is string => n !== undefined);
}

/** The prompt of cloze card `n` (1-based): deletion n kept as `{{c1::…}}`, the others revealed. */
export function clozeForNumber(text: string, n: number): string {
  return text.replace(CLOZE, (_all, num: string, body: string, hint?: string) =>
    Number(num) === n ? `{{c1::${body}${hint !== undefined ? `::${hint}` : ''}}}` : body,
  );
}

export function ankiToDeck(col: AnkiCollection, meta: { id: string; title: string }): AnkiDeckResult {
  const notes = new Map(col.notes.map((n) => [n.id, n]));
  const reviewsByCard = groupReviews(col.revlog);
  const taken = new Set<string>();
  const deck: ImportedDeck = { id: meta.id, title: meta.title, description: '', cards: [] };
  const skipped: DeckError[] = [];
  const media = new Set<string>();
  const cards = [...col.cards].sort((a, b) => a.noteId - b.noteId || a.ord - b.ord);
  for (const c of cards) {
    const note = notes.get(c.noteId);
    if (!note) {
      skipped.push({ line: 0, message: `Anki card ${c.id}: its note ${c.noteId} is missing` });
      continue;
    }
    for (const f of note.fields) mediaRefs(f).forEach((m) => media.add(m));
    const draft = cardFromNote(note, c);
    if (typeof draft === 'string') {
      skipped.push({ line: 0, message: `Anki card ${c.id}: ${draft}` });
      continue;
    }
    const slug = slugify(draft.kind === 'cloze' ? draft.answer : draft.prompt, 40) || 'card';
    const key = uniqueKey(`${slug}-${shortHash(`${note.guid}:${c.ord}`)}`, taken);
    const section = sectionFor(meta.title, c.deckName);
    const tags = note.tags.split(/\s+/).filter((t) => t !== '');
    const checked = checkCard({ ...draft, key, section, ...(tags.length > 0 ? { tags } : {}) }, deck.cards);
    if (typeof checked === 'string') {
      skipped.push({ line: 0, message: `Anki card ${c.id}: ${checked}` });
      continue;
    }
    deck.cards.push(checked);
    const reviews = reviewsByCard.get(c.id);
    if (reviews) (deck.reviews ??= {})[key] = reviews;
  }
  const warnings: string[] = [];
  if (media.size > 0) {
    const names = [...media].sort();
    const shown = names.slice(0, 10).join(', ');
    warnings.push(`${names.length} media file(s) are referred to but not imported (images and sounds are left out): ${shown}${names.length > 10 ? ', …' : ''}`);
  }
  return { deck, skipped, warnings };
}

/** `Title › Sub › Deck`; the package's top deck is left out when it is the title itself. */
function sectionFor(title: string, deckName: string): string {
  const parts = deckName.split('::').map((s) => s.trim()).filter((s) => s !== '');
  if (parts[0]?.toLowerCase() === title.trim().toLowerCase()) parts.shift();
  return [title, ...parts].join(' › ');
}

function cardFromNote(note: AnkiNote, card: AnkiCard): Omit<CardData, 'key' | 'section'> | string {
  const [first = '', second = '', ...more] = note.fields;
  if (/\{\{c\d+::/.test(first)) {
    const prompt = ankiFieldText(clozeForNumber(first, card.ord + 1));
    if (!/\{\{c1::/.test(prompt)) return `cloze number ${card.ord + 1} is not in the note`;
    const extra = ankiFieldText([second, ...more].join('\n'));
    return { kind: 'cloze', prompt, answer: '', ...(extra ? { explanation: extra } : {}) };
  }
  const front = ankiFieldText(card.ord === 1 ? second : first);
  const back = ankiFieldText(card.ord === 1 ? first : second);
  if (front === '' || back === '') return 'the note has an empty front or back once images and sounds are left out';
  const extra = ankiFieldText(more.join('\n'));
  return { kind: 'basic', prompt: front, answer: back, ...(extra ? { explanation: extra } : {}) };
}

function groupReviews(revlog: AnkiRevlog[]): Map<number, CardReview[]> {
  const by = new Map<number, CardReview[]>();
  for (const r of [...revlog].sort((a, b) => a.id - b.id)) {
    // why: manual reschedules (type 4/5, ease 0) are not answers and must not count as reviews.
    if (r.ease < 1 || r.ease > 4 || r.type > 3) continue;
    const list = by.get(r.cardId) ?? [];
    list.push({ at: new Date(r.id).toISOString(), rating: r.ease as CardReview['rating'] });
    by.set(r.cardId, list);
  }
  return by;
}

/**
 * Multiple choice on numbers, from the document itself: the wrong options are other amounts of the
 * same unit family found elsewhere in the same document (other sizes for a size, other durations for
 * a duration). An amount equal to the answer under any reading ("1 MB" and "1,024 KB"), or named in
 * the same statement, is never an option, so there is exactly one correct answer. Without three such
 * amounts there is no card: numbers are never invented.
 */
import type { CardData } from './card-types';
import { parseQuantity, sameAmount, type Quantity } from './builder-numbers';
import { shortHash, slugify, uniqueKey } from './slug';

export interface NumberFact {
  /** The quantity asked about, as written. */
  token: string;
  /** The question: a limit question, or the statement with the quantity blanked out. */
  prompt: string;
  /** Every numeric token of the statement (none of them may be a wrong option). */
  statementTokens: string[];
  section: string;
  keyPrefix: string;
}

const WRONG_OPTIONS = 3;

/**
 * The blanked statement for a cloze on `token` ("Messages are kept up to _____."). `lead` (the labels
 * the statement sits under) is never blanked, as the cloze never hides it either.
 */
export function blankPrompt(statement: string, token: string, lead = ''): string {
  return `Complete: “${lead}${statement.replace(token, '_____')}”`;
}

/** `pool`: every numeric token of the document, in document order. */
export function numberChoices(facts: NumberFact[], pool: string[], taken: Set<string>): CardData[] {
  const amounts: Quantity[] = [];
  for (const t of pool) {
    const q = parseQuantity(t);
    // why: "14 days" written twice in the notes is one amount, not two options.
    if (q && !amounts.some((a) => a.text === q.text || sameAmount(a, q))) amounts.push(q);
  }
  const cards: CardData[] = [];
  for (const f of facts) {
    const answer = parseQuantity(f.token);
    if (!answer) continue;
    const inStatement = f.statementTokens.map(parseQuantity).filter((q): q is Quantity => q !== null);
    const wrong = amounts
      .filter((a) => a.family === answer.family && !inStatement.some((s) => sameAmount(s, a)))
      // why: the nearest amounts (by order of magnitude) are the plausible mistakes.
      .sort((a, b) => distance(a, answer) - distance(b, answer) || a.text.localeCompare(b.text))
      .slice(0, WRONG_OPTIONS)
      .map((a) => a.text);
    if (wrong.length < WRONG_OPTIONS) continue;
    const options = [f.token, ...wrong].sort((a, b) => shortHash(`${f.prompt}/${a}`).localeCompare(shortHash(`${f.prompt}/${b}`)));
    cards.push({
      key: uniqueKey(`${f.keyPrefix}-how-much-${slugify(f.token, 20) || 'value'}`, taken),
      kind: 'mcq',
      prompt: f.prompt,
      answer: f.token,
      options,
      correct: [options.indexOf(f.token)],
      section: f.section,
    });
  }
  return cards;
}

function distance(a: Quantity, b: Quantity): number {
  return Math.abs(Math.log10(Math.max(a.bases[0], 1e-9)) - Math.log10(Math.max(b.bases[0], 1e-9)));
}

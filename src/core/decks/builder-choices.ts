/**
 * Multiple choice from the document itself: for a list of term/definition facts of one kind (the
 * bullets under one label in one section: metric types, tracing tools, ...), each definition becomes
 * a question whose wrong options are the sibling terms. Only siblings whose definitions differ are
 * used, so no option is a second correct answer.
 */
import type { CardData } from './card-types';
import { shortHash, slugify, uniqueKey } from './slug';

export interface PairFact {
  term: string;
  definition: string;
  /** Section and label: facts of one kind. */
  group: string;
  section: string;
  keyPrefix: string;
}

const MIN_SIBLINGS = 4;

export function siblingChoices(facts: PairFact[], taken: Set<string>): CardData[] {
  const groups = new Map<string, PairFact[]>();
  for (const f of facts) groups.set(`${f.section}|${f.group}`, [...(groups.get(`${f.section}|${f.group}`) ?? []), f]);
  const cards: CardData[] = [];
  for (const list of groups.values()) {
    const distinct = list.filter(
      (f, i) =>
        list.findIndex((g) => g.term.toLowerCase() === f.term.toLowerCase()) === i &&
        list.filter((g) => g.definition.toLowerCase() === f.definition.toLowerCase()).length === 1,
    );
    if (distinct.length < MIN_SIBLINGS) continue;
    distinct.forEach((f, i) => {
      // The next three siblings (cyclically), then a stable order that does not always put the answer first.
      const wrong = [1, 2, 3].map((k) => distinct[(i + k) % distinct.length].term);
      const options = [f.term, ...wrong].sort((a, b) => shortHash(`${f.term}/${a}`).localeCompare(shortHash(`${f.term}/${b}`)));
      const correct = options.indexOf(f.term);
      const label = f.group ? ` (${f.group})` : '';
      cards.push({
        key: uniqueKey(`${f.keyPrefix}-which-${slugify(f.term, 24) || 'term'}`, taken),
        kind: 'mcq',
        prompt: `Which one${label} is described as: “${f.definition}”?`,
        answer: f.term,
        options,
        correct: [correct],
        section: f.section,
      });
    });
  }
  return cards;
}

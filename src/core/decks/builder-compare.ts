/**
 * Comparisons in study notes, turned into questions that make the student tell the two things apart:
 * "Standard vs FIFO: ..." (what differs), "Unlike SNS, SQS keeps messages ..." (which one keeps
 * them) and "X is cheaper/more durable than Y" (which one is cheaper).
 */
import { capitalise, wordCount } from './builder-text';

export interface ComparisonFact {
  question: string;
  answer: string;
  /** The whole statement, kept with the card when the answer is only a name. */
  explanation?: string;
  /** The things compared (for the card id). */
  subjects: string[];
}

const VERB =
  /^(.{1,48}?)\s+(is|are|was|can(?:not)?|can't|does(?:n't)?|do(?:n't)?|has|have|will|won't|must|should|may|offers|provides|supports|stores|uses|keeps|requires|allows|guarantees|delivers|pushes|pulls|retains|scales|runs|sends|lets|needs|works|charges|costs)\s+(.+)$/i;
/** Words ending in -er that are not comparatives ("rather than", "other than"). */
const NOT_COMPARATIVE = /^(rather|other|over|under|never|ever|either|neither|whether|after|order|number|layer|user|consumer|producer|container|cluster|server|provider|manager|per)$/i;

const short = (text: string, max = 6) => wordCount(text) <= max && /^[\p{L}\p{N}"“(]/u.test(text);
const strip = (text: string) => text.trim().replace(/[.;!]+$/, '').trim();

export function comparison(text: string): ComparisonFact | null {
  return versus(text) ?? unlike(text) ?? comparative(text);
}

/** "Standard vs FIFO: FIFO keeps order, Standard does not." */
function versus(text: string): ComparisonFact | null {
  const m = /^(.{1,60}?)\s+(?:vs\.?|versus)\s+(.{1,60}?)\s*(?::|\s[–—-])\s+(.+)$/i.exec(text);
  if (!m) return null;
  const [a, b, detail] = [m[1].trim(), m[2].trim(), m[3].trim()];
  // "SQS vs SNS vs Kinesis: ..." compares three.
  const others = b.split(/\s+(?:vs\.?|versus)\s+/i).map((x) => x.trim());
  if (!short(a, 5) || !others.every((x) => short(x, 5)) || wordCount(detail) < 2) return null;
  const question =
    others.length === 1 ? `How does ${a} differ from ${b}?` : `How do ${[a, ...others.slice(0, -1)].join(', ')} and ${others[others.length - 1]} differ?`;
  return { question, answer: capitalise(detail), subjects: [a, ...others] };
}

/** "Unlike SQS or SNS, which are cloud-native, Amazon MQ is designed for existing systems." */
function unlike(text: string): ComparisonFact | null {
  const m = /^Unlike\s+(.{1,60}?),\s+(?:(?:which|that|who)\s[^,]+,\s+)?(.+)$/i.exec(strip(text));
  if (!m) return null;
  const other = m[1].trim();
  const clause = VERB.exec(m[2]);
  if (!clause || !short(other, 6)) return null;
  const subject = clause[1].trim();
  if (!short(subject, 5) || /^(it|this|that|they|these|there|you|we)$/i.test(subject)) return null;
  const predicate = `${clause[2]} ${clause[3]}`.trim();
  if (wordCount(predicate) < 2) return null;
  return {
    question: `Unlike ${other}, which one ${predicate}?`,
    answer: capitalise(subject),
    explanation: capitalise(strip(text)) + '.',
    subjects: [subject, other],
  };
}

/** "SNS is cheaper than SQS", "Standard queues are far more scalable than FIFO queues." */
function comparative(text: string): ComparisonFact | null {
  const m =
    /^(.{1,48}?)\s+(?:is|are)\s+(?:(?:much|far|significantly|usually|generally|typically|often|slightly)\s+)?((?:more|less)\s+[\p{L}-]+|[\p{L}-]+er)\s+than\s+(.+)$/iu.exec(
      strip(text),
    );
  if (!m) return null;
  const [a, adjective, b] = [m[1].trim(), m[2].trim(), m[3].trim()];
  if (NOT_COMPARATIVE.test(adjective) || !short(a, 5) || !short(b, 6)) return null;
  if (/^(it|this|that|they|these|there)$/i.test(a)) return null;
  // why: the order of the two names must not give the answer away, so it is alphabetical.
  const [x, y] = [a, b].sort((p, q) => p.toLowerCase().localeCompare(q.toLowerCase()));
  return {
    question: `Which is ${adjective.toLowerCase()}: ${x} or ${y}?`,
    answer: capitalise(a),
    explanation: capitalise(strip(text)) + '.',
    subjects: [a, b],
  };
}

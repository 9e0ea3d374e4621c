/**
 * Which questions a report calls "hardest". why: listing the five lowest of a three-question game
 * is every question, including ones the whole class got right; a teacher wants the few to go over.
 * So: only questions someone got wrong, below the game's own median accuracy when there are
 * enough to compare, at most a third of the game (at least one) and never more than five.
 */
export interface AccuracyItem {
  index: number;
  /** 0–1, null when nobody could be asked. */
  accuracy: number | null;
  answeredCount: number;
}

export const HARDEST_MAX = 5;

export function pickHardest<T extends AccuracyItem>(questions: T[]): T[] {
  const asked = questions.filter((q) => q.accuracy !== null && q.answeredCount > 0);
  if (asked.length === 0) return [];
  const sorted = [...asked].sort((a, b) => a.accuracy! - b.accuracy! || a.index - b.index);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!.accuracy!;
  const limit = Math.min(HARDEST_MAX, Math.max(1, Math.ceil(questions.length / 3)));
  return sorted
    .filter((q) => q.accuracy! < 1 && (sorted.length < 3 || q.accuracy! <= median))
    .slice(0, limit);
}

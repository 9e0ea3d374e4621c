import { addDays, createDayIndexer, dayEnd, type StudyDay } from './days';
import { trueRetention, todayOf, type DayCount, type Retention, type StatsClock, type StatsLog } from './stats-activity';

/** The CardState columns the stats read. */
export interface StatsCardState {
  cardId: string;
  state: number;
  due: Date;
  suspended?: boolean;
}

export interface CardCounts {
  new: number;
  learning: number;
  review: number;
  suspended: number;
  total: number;
}

export interface DeckStats extends CardCounts {
  deckId: string;
  /** Learning + review cards due by the end of today (daily limits not applied). */
  dueToday: number;
  retention30: Retention;
}

/**
 * Cards due per study day for the next `days` days starting today. Overdue cards count for today;
 * suspended and new cards are left out.
 */
export function dueForecast(states: readonly StatsCardState[], clock: StatsClock, days = 30): DayCount[] {
  const today = todayOf(clock);
  const idx = createDayIndexer(today, addDays(today, days - 1), clock.timeZone, clock.rolloverHour);
  const counts = new Array<number>(idx.days.length).fill(0);
  const todayEnd = dayEnd(today, clock.timeZone, clock.rolloverHour).getTime();
  for (const s of states) {
    if (s.suspended || s.state === 0) continue;
    const i = s.due.getTime() < todayEnd ? 0 : idx.indexOf(s.due);
    if (i >= 0) counts[i]!++;
  }
  return idx.days.map((day, i) => ({ day, count: counts[i]! }));
}

/**
 * Cards by state. Suspended cards count only as suspended. `totalCards` (cards in the user's decks)
 * adds the cards without a state row as new.
 */
export function cardCounts(states: readonly StatsCardState[], totalCards?: number): CardCounts {
  const c: CardCounts = { new: 0, learning: 0, review: 0, suspended: 0, total: 0 };
  for (const s of states) {
    if (s.suspended) c.suspended++;
    else if (s.state === 0) c.new++;
    else if (s.state === 2) c.review++;
    else c.learning++;
  }
  const withRow = states.length;
  if (totalCards !== undefined && totalCards > withRow) c.new += totalCards - withRow;
  c.total = Math.max(withRow, totalCards ?? 0);
  return c;
}

/**
 * Per-deck counts, due today and 30-day true retention. `cardDeck` maps every card of the user's
 * decks to its deck (cards without a state row count as new); states and logs of cards not in the
 * map are ignored.
 */
export function deckBreakdown(
  states: readonly StatsCardState[],
  logs: readonly StatsLog[],
  cardDeck: ReadonlyMap<string, string>,
  clock: StatsClock,
): DeckStats[] {
  const today: StudyDay = todayOf(clock);
  const todayEnd = dayEnd(today, clock.timeZone, clock.rolloverHour).getTime();
  const byDeck = new Map<string, { states: StatsCardState[]; logs: StatsLog[]; cards: number }>();
  const bucket = (deckId: string) => {
    let b = byDeck.get(deckId);
    if (!b) byDeck.set(deckId, (b = { states: [], logs: [], cards: 0 }));
    return b;
  };
  for (const deckId of cardDeck.values()) bucket(deckId).cards++;
  for (const s of states) {
    const d = cardDeck.get(s.cardId);
    if (d) bucket(d).states.push(s);
  }
  for (const l of logs) {
    const d = cardDeck.get(l.cardId);
    if (d) bucket(d).logs.push(l);
  }
  return [...byDeck.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([deckId, b]) => ({
      deckId,
      ...cardCounts(b.states, b.cards),
      dueToday: b.states.filter((s) => !s.suspended && s.state !== 0 && s.due.getTime() < todayEnd).length,
      retention30: trueRetention(b.logs, clock, 30),
    }));
}

/**
 * Study days: a user's day runs from `rolloverHour` local time to the same hour the next day
 * (Anki's "next day starts at"), in the user's IANA time zone. Only Intl.DateTimeFormat is used,
 * so DST and half-hour zones (Asia/Kolkata) come from the runtime's tz database.
 */

/** A study day as 'YYYY-MM-DD'. */
export type StudyDay = string;

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Local wall-clock time of an instant in a time zone. */
function wallClock(instant: Date, timeZone: string): WallClock {
  const out: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out.year!,
    month: out.month!,
    day: out.day!,
    // why: some engines print midnight as hour 24 even with h23.
    hour: out.hour! % 24,
    minute: out.minute!,
    second: out.second!,
  };
}

/** Offset (local − UTC) in ms of `timeZone` at `instant`. */
function offsetAt(instantMs: number, timeZone: string): number {
  const w = wallClock(new Date(instantMs), timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (instantMs - (((instantMs % 1000) + 1000) % 1000));
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function parseDay(day: StudyDay): { y: number; m: number; d: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new Error(`invalid study day "${day}" (expected YYYY-MM-DD)`);
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

/** Adds whole calendar days to a study day ('2026-03-08' + 1 → '2026-03-09'). */
export function addDays(day: StudyDay, n: number): StudyDay {
  const { y, m, d } = parseDay(day);
  const t = new Date(Date.UTC(y, m - 1, d) + n * DAY_MS);
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Calendar days from `a` to `b` (b − a). */
export function daysBetween(a: StudyDay, b: StudyDay): number {
  const pa = parseDay(a);
  const pb = parseDay(b);
  return Math.round((Date.UTC(pb.y, pb.m - 1, pb.d) - Date.UTC(pa.y, pa.m - 1, pa.d)) / DAY_MS);
}

/**
 * The study day an instant belongs to. With rollover 4, a review at 03:30 local time counts
 * for the previous calendar day.
 */
export function studyDayOf(now: Date, timeZone: string, rolloverHour: number): StudyDay {
  const w = wallClock(now, timeZone);
  const calendar = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
  // why: compare local wall-clock hours rather than subtracting hours from the instant, so a DST
  // change between midnight and the rollover hour cannot move the boundary.
  return w.hour < rolloverHour ? addDays(calendar, -1) : calendar;
}

/**
 * The instant a study day starts: `day` at `rolloverHour`:00 local time.
 * If that wall-clock time does not exist (a DST gap), the day starts when the clocks jump, i.e. at
 * the first existing local time after it; if it exists twice (DST fall-back), the earlier instant.
 */
export function dayStart(day: StudyDay, timeZone: string, rolloverHour: number): Date {
  const { y, m, d } = parseDay(day);
  const wall = Date.UTC(y, m - 1, d, rolloverHour);
  // why: the offset depends on the instant we are solving for. Offsets a day either side bracket it
  // (UTC offsets are within ±14h and transitions are months apart), and the right one is verified.
  const early = offsetAt(wall - DAY_MS, timeZone);
  const late = offsetAt(wall + DAY_MS, timeZone);
  const candidates = [early, late]
    .map((off) => wall - off)
    .filter((t) => localMs(t, timeZone) === wall)
    .sort((a, b) => a - b);
  if (candidates.length > 0) return new Date(candidates[0]!);
  // DST gap: the wall time is skipped; the transition instant is where local time jumps past it.
  let lo = Math.min(wall - early, wall - late);
  let hi = Math.max(wall - early, wall - late);
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2000) * 1000;
    if (localMs(mid, timeZone) >= wall) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

function localMs(instantMs: number, timeZone: string): number {
  return instantMs + offsetAt(instantMs, timeZone);
}

/** The study day containing `now` with its [start, end) instants, e.g. to query today's logs. */
export function studyDayRange(
  now: Date,
  timeZone: string,
  rolloverHour: number,
): { day: StudyDay; start: Date; end: Date } {
  const day = studyDayOf(now, timeZone, rolloverHour);
  return { day, start: dayStart(day, timeZone, rolloverHour), end: dayEnd(day, timeZone, rolloverHour) };
}

/** Start of the following study day (exclusive end of `day`). */
export function dayEnd(day: StudyDay, timeZone: string, rolloverHour: number): Date {
  return dayStart(addDays(day, 1), timeZone, rolloverHour);
}

/**
 * Maps many instants to study days within [firstDay, lastDay] quickly: boundaries are computed once
 * and each lookup is a binary search (stats over a year of logs would otherwise call Intl per row).
 * Returns the day's index from firstDay, or -1 when the instant falls outside the range.
 */
export function createDayIndexer(
  firstDay: StudyDay,
  lastDay: StudyDay,
  timeZone: string,
  rolloverHour: number,
): { days: StudyDay[]; indexOf(instant: Date): number } {
  const count = daysBetween(firstDay, lastDay) + 1;
  const days: StudyDay[] = [];
  const starts: number[] = [];
  for (let i = 0; i <= count; i++) {
    const day = addDays(firstDay, i);
    if (i < count) days.push(day);
    starts.push(dayStart(day, timeZone, rolloverHour).getTime());
  }
  return {
    days,
    indexOf(instant: Date): number {
      const t = instant.getTime();
      if (count <= 0 || t < starts[0]! || t >= starts[count]!) return -1;
      let lo = 0;
      let hi = count - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= t) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    },
  };
}

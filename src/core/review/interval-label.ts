const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function oneDecimal(n: number): string {
  const r = Math.round(n * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

/**
 * Short Anki-style label for a time span: "45s", "1m", "10m", "1.5h", "1d", "4d", "3mo", "1.2y".
 * Minutes and days are whole numbers; hours, months (30 days) and years (365 days) keep one decimal.
 */
export function formatInterval(ms: number): string {
  const t = Math.max(0, ms);
  // why: choose the unit from the rounded value so 59.7 minutes reads "1h", not "60m".
  const secs = Math.round(t / 1000);
  if (secs < 60) return `${secs}s`;
  const mins = Math.round(t / MINUTE);
  if (mins < 60) return `${mins}m`;
  const hours = Math.round((t / HOUR) * 10) / 10;
  if (hours < 24) return `${oneDecimal(hours)}h`;
  const days = t / DAY;
  if (Math.round(days) < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${oneDecimal(days / 30)}mo`;
  return `${oneDecimal(days / 365)}y`;
}

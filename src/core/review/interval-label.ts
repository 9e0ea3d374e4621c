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
  if (t < MINUTE) return `${Math.round(t / 1000)}s`;
  if (t < HOUR) return `${Math.round(t / MINUTE)}m`;
  if (t < DAY) return `${oneDecimal(t / HOUR)}h`;
  const days = t / DAY;
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${oneDecimal(days / 30)}mo`;
  return `${oneDecimal(days / 365)}y`;
}

/** Anki's default leech threshold. */
export const LEECH_THRESHOLD = 8;

/** Flags the service writes when a card becomes a leech (and it tags the card "leech"). */
export interface LeechFlags {
  leech: true;
  suspended: true;
}

/** Whether a card with this many lapses counts as a leech. */
export function isLeech(lapses: number, threshold = LEECH_THRESHOLD): boolean {
  return lapses >= threshold;
}

/**
 * Flags to set after a rating moved lapses from `before` to `after`, or null.
 * Fires when the threshold is reached and, like Anki, again every half-threshold after it
 * (8, 12, 16, ...), so a leech the user unsuspended is caught again if it keeps failing.
 */
export function leechFlagsAfterRating(before: number, after: number, threshold = LEECH_THRESHOLD): LeechFlags | null {
  if (after <= before || !isLeech(after, threshold)) return null;
  const step = Math.max(1, Math.floor(threshold / 2));
  return (after - threshold) % step === 0 ? { leech: true, suspended: true } : null;
}

/**
 * A small per-room clock: runs callbacks at absolute epoch-ms deadlines. The game engine emits
 * `schedule` effects with absolute times so that a restored room can re-arm them; a deadline
 * that has already passed runs on the next tick.
 */
export interface Clock {
  now(): number;
  /** Runs `fn` at epoch ms `at` (next tick if past); the returned function cancels it. */
  at(at: number, fn: () => void): () => void;
  /** Cancels everything pending (room closed). */
  clear(): void;
}

export class TimerClock implements Clock {
  private timers = new Set<NodeJS.Timeout>();

  now(): number {
    return Date.now();
  }

  at(at: number, fn: () => void): () => void {
    const delay = Math.max(0, at - Date.now());
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, delay);
    this.timers.add(t);
    return () => {
      clearTimeout(t);
      this.timers.delete(t);
    };
  }

  clear(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}

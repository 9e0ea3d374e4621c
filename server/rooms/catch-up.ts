/**
 * A follower's callers waiting for its copy of a room to reach a version (the owner acknowledged a
 * command, and the ack's view must show it).
 */
import type { Clock } from './clock';

/** How long a caller waits for the copy to reach the command the owner acknowledged. */
const CATCH_UP_MS = 5000;

export class CatchUp {
  private readonly waiting = new Set<{ version: number; done: (reached: boolean) => void }>();

  constructor(private readonly clock: Clock) {}

  /** Resolves true once `reached(v)` is told a version ≥ `version`; false after a while or on `cancelAll`. */
  until(current: number, version: number): Promise<boolean> {
    if (current >= version) return Promise.resolve(true);
    return new Promise((resolve) => {
      const w = { version, done: (ok: boolean) => (cancel(), resolve(ok)) };
      const cancel = this.clock.at(this.clock.now() + CATCH_UP_MS, () => {
        this.waiting.delete(w);
        resolve(false);
      });
      this.waiting.add(w);
    });
  }

  /** The copy is at `version` now. */
  reached(version: number): void {
    for (const w of this.waiting) if (version >= w.version) (this.waiting.delete(w), w.done(true));
  }

  /** Nobody will wait any more (the room closed or this node took it over). */
  cancelAll(): void {
    for (const w of this.waiting) w.done(false);
    this.waiting.clear();
  }
}

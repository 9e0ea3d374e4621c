/**
 * When the host's screen gets a new view. why pace it: a change without a phase change (answers
 * arriving) only moves the host's counters, and one host view (every player listed, tens of kB
 * at 1,000 players) per answer at 1,000 answers a second would be pure waste. Such changes within
 * `intervalMs` of the last view are sent together a little later; anything the host must see at
 * once (a phase change, their own command) goes out now.
 */
import type { Clock } from './clock';

export class HostViewPacer {
  private sockets = 0;
  private lastSent = 0;
  private cancel: (() => void) | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly intervalMs: number,
    /** Builds and sends the host's view of the room as it is now. */
    private readonly send: () => void,
  ) {}

  /** A host socket of this node came (+1) or went (-1). */
  attached(delta: 1 | -1): void {
    this.sockets = Math.max(0, this.sockets + delta);
  }

  get liveSockets(): number {
    return this.sockets;
  }

  /** The room changed: a view now (`urgent`), or at most one per interval. */
  changed(urgent: boolean): void {
    if (this.sockets === 0) return;
    if (urgent || this.clock.now() - this.lastSent >= this.intervalMs) {
      this.cancel?.();
      this.cancel = null;
      this.lastSent = this.clock.now();
      this.send();
      return;
    }
    this.cancel ??= this.clock.at(this.lastSent + this.intervalMs, () => {
      this.cancel = null;
      this.changed(true);
    });
  }

  /** Forgets a view still waiting (the room's clock has dropped every timer). */
  stop(): void {
    this.cancel = null;
  }
}

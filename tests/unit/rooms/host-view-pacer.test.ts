import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../server/rooms/clock';
import { HostViewPacer } from '../../../server/rooms/host-view-pacer';

/** A clock the test moves by hand (the pacer's only notion of time). */
function handClock() {
  let t = 1_000;
  const due: Array<{ at: number; fn: () => void; live: boolean }> = [];
  const clock: Clock = {
    now: () => t,
    at: (at, fn) => {
      const entry = { at, fn, live: true };
      due.push(entry);
      return () => (entry.live = false);
    },
    clear: () => due.forEach((d) => (d.live = false)),
  };
  const advance = (ms: number) => {
    t += ms;
    for (const d of due.filter((d) => d.live && d.at <= t)) {
      d.live = false;
      d.fn();
    }
  };
  return { clock, advance };
}

/** A pacer on a hand-moved clock, and how many views it has sent. */
function pacer(intervalMs = 100) {
  const { clock, advance } = handClock();
  const out = { sent: 0, clock, advance, pacer: null as unknown as HostViewPacer };
  out.pacer = new HostViewPacer(clock, intervalMs, () => out.sent++);
  return out;
}

describe('the host view pacer', () => {
  it('sends nothing while no host screen is attached', () => {
    const p = pacer();
    p.pacer.changed(true);
    expect(p.sent).toBe(0);
  });

  it('sends urgent changes at once and coalesces a burst of answers into one view per interval', () => {
    const p = pacer();
    p.pacer.attached(1);
    p.pacer.changed(true);
    expect(p.sent).toBe(1);
    // Fifty answers within 50 ms: nothing yet, then one view when the interval is up.
    for (let i = 0; i < 50; i++) {
      p.advance(1);
      p.pacer.changed(false);
    }
    expect(p.sent).toBe(1);
    p.advance(50);
    expect(p.sent).toBe(2);
    // A phase change does not wait for the interval.
    p.advance(10);
    p.pacer.changed(true);
    expect(p.sent).toBe(3);
  });

  it('counts host screens and drops a waiting view when stopped', () => {
    const p = pacer();
    p.pacer.attached(1);
    p.pacer.attached(1);
    p.pacer.attached(-1);
    expect(p.pacer.liveSockets).toBe(1);
    p.pacer.changed(true);
    p.pacer.changed(false);
    p.clock.clear();
    p.pacer.stop();
    p.advance(500);
    expect(p.sent).toBe(1);
  });
});

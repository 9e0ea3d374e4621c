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

describe('the host view pacer', () => {
  it('sends nothing while no host screen is attached', () => {
    const { clock } = handClock();
    let sent = 0;
    const pacer = new HostViewPacer(clock, 100, () => sent++);
    pacer.changed(true);
    expect(sent).toBe(0);
  });

  it('sends urgent changes at once and coalesces a burst of answers into one view per interval', () => {
    const { clock, advance } = handClock();
    let sent = 0;
    const pacer = new HostViewPacer(clock, 100, () => sent++);
    pacer.attached(1);
    pacer.changed(true);
    expect(sent).toBe(1);
    // Fifty answers within 50 ms: nothing yet, then one view when the interval is up.
    for (let i = 0; i < 50; i++) {
      advance(1);
      pacer.changed(false);
    }
    expect(sent).toBe(1);
    advance(50);
    expect(sent).toBe(2);
    // A phase change does not wait for the interval.
    advance(10);
    pacer.changed(true);
    expect(sent).toBe(3);
  });

  it('counts host screens and drops a waiting view when stopped', () => {
    const { clock, advance } = handClock();
    let sent = 0;
    const pacer = new HostViewPacer(clock, 100, () => sent++);
    pacer.attached(1);
    pacer.attached(1);
    pacer.attached(-1);
    expect(pacer.liveSockets).toBe(1);
    pacer.changed(true);
    pacer.changed(false);
    clock.clear();
    pacer.stop();
    advance(500);
    expect(sent).toBe(1);
  });
});

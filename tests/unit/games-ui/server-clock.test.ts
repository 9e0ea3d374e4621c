import { describe, expect, it } from 'vitest';
import { ServerClock, sampleView } from '@/lib/game-socket';
import { ordinal } from '@/components/game/podium';

const LOCAL = Date.parse('2026-01-05T09:00:00Z');

describe('ServerClock', () => {
  it('keeps the largest offset sample (the one with the least latency in it)', () => {
    const clock = new ServerClock();
    // The server clock is 60 s ahead of this phone; samples arrive 80 ms, 20 ms and 300 ms late.
    clock.sample(LOCAL + 60_000 - 80, LOCAL);
    clock.sample(LOCAL + 60_000 - 20, LOCAL);
    clock.sample(LOCAL + 60_000 - 300, LOCAL);
    expect(clock.offset).toBe(60_000 - 20);
  });

  it('counts down against the server deadline, never below zero', () => {
    let local = LOCAL;
    const clock = new ServerClock(() => local);
    const server = LOCAL - 3_600_000; // this phone's clock is one hour fast
    clock.sample(server);
    const deadline = server + 15_000;
    expect(clock.remaining(deadline)).toBe(15_000);
    local += 4_000;
    expect(clock.remaining(deadline)).toBe(11_000);
    local += 20_000;
    expect(clock.remaining(deadline)).toBe(0);
  });

  it('samples a view only while its question is open', () => {
    const clock = new ServerClock(() => LOCAL);
    sampleView(clock, { phase: 'reveal', question: { deadline: LOCAL + 9_000_000, remainingMs: 0 } });
    expect(clock.offset).toBe(0);
    sampleView(clock, { phase: 'question', question: { deadline: LOCAL + 120_000 + 20_000, remainingMs: 20_000 } });
    expect(clock.offset).toBe(120_000);
  });
});

describe('display helpers', () => {
  it('writes English ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal)).toEqual([
      '1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st', '111th',
    ]);
  });
});

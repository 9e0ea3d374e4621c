'use client';
import { useSyncExternalStore } from 'react';

/**
 * Projector sound, synthesised with the Web Audio API (no sound files). Off until the host turns
 * it on; the choice is kept in localStorage. Browsers only let audio start after a click, and the
 * toggle is that click.
 */
const KEY = 'studyroom:projector-sound';
const listeners = new Set<() => void>();
let ctx: AudioContext | null = null;

function readOn(): boolean {
  try {
    return window.localStorage.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

export function setSoundOn(on: boolean) {
  try {
    window.localStorage.setItem(KEY, on ? 'on' : 'off');
  } catch {
    // why: private modes may refuse storage; the toggle still works for this page.
  }
  memo = on;
  if (on) audio();
  for (const l of listeners) l();
}

let memo: boolean | null = null;
function snapshot(): boolean {
  if (memo === null) memo = readOn();
  return memo;
}

export function useSoundOn(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    snapshot,
    () => false,
  );
}

function audio(): AudioContext | null {
  if (typeof window === 'undefined' || !('AudioContext' in window)) return null;
  ctx ??= new AudioContext();
  if (ctx.state === 'suspended') void ctx.resume();
  return ctx;
}

interface Note {
  freq: number;
  /** Start, seconds from now. */
  at: number;
  dur: number;
  type?: OscillatorType;
  gain?: number;
}

function play(notes: Note[]) {
  if (!snapshot()) return;
  const ac = audio();
  if (!ac) return;
  const t0 = ac.currentTime + 0.01;
  for (const n of notes) {
    const osc = ac.createOscillator();
    const env = ac.createGain();
    osc.type = n.type ?? 'sine';
    osc.frequency.value = n.freq;
    const peak = n.gain ?? 0.2;
    // why: a short attack and exponential release avoid clicks on cheap projector speakers.
    env.gain.setValueAtTime(0.0001, t0 + n.at);
    env.gain.exponentialRampToValueAtTime(peak, t0 + n.at + 0.015);
    env.gain.exponentialRampToValueAtTime(0.0001, t0 + n.at + n.dur);
    osc.connect(env).connect(ac.destination);
    osc.start(t0 + n.at);
    osc.stop(t0 + n.at + n.dur + 0.05);
  }
}

export const sounds = {
  /** Each step of the 3-2-1 get-ready. */
  ready: () => play([{ freq: 660, at: 0, dur: 0.18, type: 'triangle' }]),
  /** The question opens. */
  go: () => play([{ freq: 880, at: 0, dur: 0.35, type: 'triangle', gain: 0.25 }]),
  /** The last seconds of a question. */
  tick: () => play([{ freq: 1200, at: 0, dur: 0.06, type: 'square', gain: 0.06 }]),
  /** The answer is shown. */
  reveal: () =>
    play([
      { freq: 523.25, at: 0, dur: 0.2, type: 'triangle' },
      { freq: 783.99, at: 0.12, dur: 0.35, type: 'triangle' },
    ]),
  /** The podium. */
  fanfare: () =>
    play([
      { freq: 523.25, at: 0, dur: 0.18, type: 'sawtooth', gain: 0.1 },
      { freq: 659.25, at: 0.18, dur: 0.18, type: 'sawtooth', gain: 0.1 },
      { freq: 783.99, at: 0.36, dur: 0.18, type: 'sawtooth', gain: 0.1 },
      { freq: 1046.5, at: 0.54, dur: 0.7, type: 'sawtooth', gain: 0.12 },
    ]),
};

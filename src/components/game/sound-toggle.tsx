'use client';
import { setSoundOn, useSoundOn } from './sound';

/** The projector's visible sound switch (off by default). */
export function SoundToggle() {
  const on = useSoundOn();
  return (
    <button
      type="button"
      className="btn pj-sm shrink-0 bg-white/15 px-[0.9em] py-[0.45em] text-white hover:bg-white/25"
      aria-pressed={on}
      onClick={() => setSoundOn(!on)}
      data-testid="sound-toggle"
    >
      <svg viewBox="0 0 24 24" className="h-[1.2em] w-[1.2em]" fill="none" stroke="currentColor" strokeWidth={2} aria-hidden="true">
        <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" fillOpacity={0.3} strokeLinejoin="round" />
        {on ? <path d="M16.5 8.5a5 5 0 0 1 0 7M19 6a8.5 8.5 0 0 1 0 12" strokeLinecap="round" /> : <path d="M17 9l5 6M22 9l-5 6" strokeLinecap="round" />}
      </svg>
      {on ? 'Sound: on' : 'Sound: off'}
    </button>
  );
}

'use client';
import { useState } from 'react';
import { ScoringRules } from './scoring-rules';

/** Same rule as the server (trim, collapse spaces, 1–20 characters); the server has the last word. */
export function cleanNickname(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ');
}

/** Nickname form. `error` is the server's refusal in words; it stays visible until the next try. */
export function PlayerJoin({ pin, busy, error, onJoin }: { pin: string; busy: boolean; error: string | null; onJoin: (nickname: string) => void }) {
  const [nickname, setNickname] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const shown = localError ?? error;
  return (
    <div className="mx-auto flex w-full max-w-md flex-1 flex-col justify-center gap-6 p-5">
      <div className="text-center">
        <p className="text-lg opacity-90">Game PIN</p>
        <p className="text-4xl font-black tracking-widest tabular-nums">{pin}</p>
      </div>
      <form
        className="flex flex-col gap-3 rounded-2xl bg-white p-5 text-slate-900 shadow-xl"
        onSubmit={(e) => {
          e.preventDefault();
          const name = cleanNickname(nickname);
          if (name.length < 1 || name.length > 20) {
            setLocalError('Pick a nickname of 1 to 20 characters.');
            return;
          }
          setLocalError(null);
          onJoin(name);
        }}
      >
        <label htmlFor="nickname" className="text-lg font-bold">
          Nickname
        </label>
        <input
          id="nickname"
          name="nickname"
          autoComplete="nickname"
          autoCapitalize="words"
          maxLength={40}
          value={nickname}
          onChange={(e) => {
            setNickname(e.target.value);
            setLocalError(null);
          }}
          aria-invalid={shown ? true : undefined}
          aria-describedby={shown ? 'join-error' : 'nickname-hint'}
          className="field h-14 text-center text-2xl font-bold"
          placeholder="e.g. Sam"
        />
        <p id="nickname-hint" className="text-sm text-slate-600">
          1–20 characters. Everyone in the room will see it.
        </p>
        {shown && (
          <p id="join-error" role="alert" className="rounded-lg bg-red-100 px-3 py-2 font-semibold text-red-800" data-testid="join-error">
            {shown}
          </p>
        )}
        <button type="submit" className="btn h-14 bg-slate-900 text-xl text-white hover:bg-slate-700" disabled={busy}>
          {busy ? 'Joining…' : 'Join game'}
        </button>
      </form>
      <ScoringRules />
    </div>
  );
}

'use client';
import { useState } from 'react';
import { checkNickname, NICKNAME_MAX_LENGTH, nicknameLength } from '@/core/game/nickname';
import { ScoringRules } from './scoring-rules';

/** Nickname form. `error` is the server's refusal in words; it stays visible until the next try. */
export function PlayerJoin({
  pin,
  busy,
  error,
  onJoin,
  children,
}: {
  pin: string;
  busy: boolean;
  error: string | null;
  onJoin: (nickname: string) => void;
  /** Shown right under the form (the "let me back in" offer). */
  children?: React.ReactNode;
}) {
  const [nickname, setNickname] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const shown = localError ?? error;
  // why count here: a pasted name is never cut short silently; the counter shows what is too long.
  const count = nicknameLength(nickname.trim());
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
          // The server's own rule (src/core/game/nickname.ts); the server still has the last word.
          const checked = checkNickname(nickname);
          if (!checked.ok) {
            setLocalError(`Pick a nickname of 1 to ${NICKNAME_MAX_LENGTH} characters (emoji count as one), without invisible or control characters.`);
            return;
          }
          setLocalError(null);
          onJoin(checked.nickname);
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
        <p id="nickname-hint" className="flex justify-between gap-2 text-sm text-slate-600">
          <span>1–{NICKNAME_MAX_LENGTH} characters. Everyone in the room will see it.</span>
          <span className={`tabular-nums ${count > NICKNAME_MAX_LENGTH ? 'font-bold text-red-700' : ''}`} aria-hidden="true">
            {count}/{NICKNAME_MAX_LENGTH}
          </span>
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
      {children}
      <ScoringRules />
    </div>
  );
}

'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { createGameSocket, request, type GameSocket } from '@/lib/game-socket';
import { describeError } from './game/stage';

/**
 * The PIN box on the home page. As soon as six digits are in, the room is looked up, so a wrong
 * PIN is caught here rather than after a nickname has been typed; then on to the room.
 */
export function JoinForm() {
  const router = useRouter();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const socketRef = useRef<GameSocket | null>(null);
  useEffect(() => () => void socketRef.current?.disconnect(), []);

  const check = async (candidate: string) => {
    if (!/^\d{6}$/.test(candidate)) {
      setError('A game PIN has 6 digits.');
      return;
    }
    setChecking(true);
    setError(null);
    socketRef.current ??= createGameSocket();
    const ack = await request(socketRef.current, 'room:check', { pin: candidate });
    setChecking(false);
    if (ack.ok) router.push(`/play/${candidate}`);
    // why: a network hiccup is no reason to keep someone out; the room page checks again.
    else if (ack.code === 'internal') router.push(`/play/${candidate}`);
    else setError(describeError(ack.code, ack.message));
  };

  return (
    <form
      className="flex w-full max-w-sm flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        void check(pin);
      }}
    >
      <label htmlFor="pin" className="sr-only">
        Game PIN
      </label>
      <input
        id="pin"
        name="pin"
        inputMode="numeric"
        autoComplete="off"
        placeholder="Game PIN"
        maxLength={6}
        value={pin}
        onChange={(e) => {
          const next = e.target.value.replace(/\D/g, '').slice(0, 6);
          setPin(next);
          setError(null);
          if (next.length === 6 && next !== pin) void check(next);
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'pin-error' : undefined}
        className="field h-16 text-center text-3xl font-bold tracking-[0.3em]"
      />
      {error && (
        <p id="pin-error" role="alert" className="text-sm font-medium text-red-700 dark:text-red-300" data-testid="pin-error">
          {error}
        </p>
      )}
      <button type="submit" className="btn btn-primary h-14 text-xl" disabled={checking}>
        {checking ? 'Looking for the game…' : 'Enter'}
      </button>
    </form>
  );
}

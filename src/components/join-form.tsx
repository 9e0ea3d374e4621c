'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

/** The PIN box on the home page: six digits, then on to the room to pick a nickname. */
export function JoinForm() {
  const router = useRouter();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="flex w-full max-w-sm flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (!/^\d{6}$/.test(pin)) {
          setError('A game PIN has 6 digits.');
          return;
        }
        router.push(`/play/${pin}`);
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
          setPin(e.target.value.replace(/\D/g, '').slice(0, 6));
          setError(null);
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'pin-error' : undefined}
        className="field h-16 text-center text-3xl font-bold tracking-[0.3em]"
      />
      {error && (
        <p id="pin-error" role="alert" className="text-sm font-medium text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      <button type="submit" className="btn btn-primary h-14 text-xl">
        Enter
      </button>
    </form>
  );
}

'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { createGameSocket, request } from '@/lib/game-socket';
import { describeError } from '@/components/game/stage';

export interface LauncherDeck {
  id: string;
  title: string;
  playable: number;
}

/** Opens a live room recorded under the class (host:create with classId), then goes to the host screen. */
export function ClassSessionLauncher({ classId, className, decks }: { classId: string; className: string; decks: LauncherDeck[] }) {
  const router = useRouter();
  const [deckId, setDeckId] = useState(decks[0]?.id ?? '');
  const [count, setCount] = useState(10);
  const [seconds, setSeconds] = useState(20);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const deck = decks.find((d) => d.id === deckId);

  async function host(e: React.FormEvent) {
    e.preventDefault();
    if (!deck) return;
    setBusy(true);
    setError(null);
    const socket = createGameSocket();
    const ack = await request(socket, 'host:create', {
      deckId: deck.id,
      classId,
      title: `${className} · ${deck.title}`.slice(0, 120),
      settings: { questionCount: Math.min(50, Math.max(1, count)), secondsPerQuestion: Math.min(120, Math.max(5, seconds)) },
    });
    socket.disconnect();
    if (!ack.ok) {
      setBusy(false);
      setError(describeError(ack.code, ack.message));
      return;
    }
    router.push(`/host/${ack.gameId}`);
  }

  if (decks.length === 0) {
    return <p className="card">Publish a deck with quiz questions to this class to host a live session.</p>;
  }
  return (
    <form onSubmit={host} className="card grid gap-4 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end" aria-label="Host a live session">
      <div className="flex flex-col gap-1">
        <label htmlFor="session-deck" className="font-semibold">
          Deck
        </label>
        <select id="session-deck" className="field h-11" value={deckId} onChange={(e) => setDeckId(e.target.value)}>
          {decks.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title} ({d.playable} questions)
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="session-count" className="font-semibold">
          Questions
        </label>
        <input id="session-count" type="number" className="field h-11" min={1} max={50} value={count} onChange={(e) => setCount(Number(e.target.value))} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="session-seconds" className="font-semibold">
          Seconds each
        </label>
        <input id="session-seconds" type="number" className="field h-11" min={5} max={120} value={seconds} onChange={(e) => setSeconds(Number(e.target.value))} />
      </div>
      <button type="submit" className="btn btn-primary h-11" disabled={busy || !deck}>
        {busy ? 'Opening…' : 'Host live session'}
      </button>
      {error && (
        <p role="alert" className="text-sm font-semibold text-red-700 sm:col-span-4 dark:text-red-300">
          {error}
        </p>
      )}
    </form>
  );
}

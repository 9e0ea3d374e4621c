'use client';
import type { HostView } from '@/core/game/view-types';
import { QrCode } from './qr-code';

interface Props {
  view: HostView;
  joinUrl: string;
  busy: boolean;
  onStart: () => void;
  onKick: (playerId: string, nickname: string) => void;
  onLock: (locked: boolean) => void;
}

/** Projector lobby: how to join (PIN, URL, QR) on the left, who has joined on the right. */
export function HostLobby({ view, joinUrl, busy, onStart, onKick, onLock }: Props) {
  const origin = joinUrl.replace(/\/play\/\d+$/, '');
  return (
    <div className="grid flex-1 gap-8 p-8 lg:grid-cols-[minmax(0,5fr)_minmax(0,4fr)]">
      <div className="flex flex-col items-center justify-center gap-6 rounded-3xl bg-white/10 p-8 text-center">
        <p className="text-3xl font-semibold">
          Join at <span className="font-black">{origin.replace(/^https?:\/\//, '')}</span> with Game PIN:
        </p>
        <p className="text-[9rem] font-black leading-none tracking-[0.08em] tabular-nums" data-testid="game-pin" aria-label={`Game PIN ${view.pin.split('').join(' ')}`}>
          {view.pin}
        </p>
        <div className="flex flex-wrap items-center justify-center gap-8">
          {joinUrl && <QrCode text={joinUrl} size={220} />}
          <p className="max-w-md break-all text-left text-2xl">
            or scan / open
            <br />
            <span className="font-bold" data-testid="join-url">
              {joinUrl}
            </span>
          </p>
        </div>
      </div>
      <div className="flex min-h-0 flex-col gap-5">
        <div className="flex items-center justify-between gap-4">
          <h2 className="text-4xl font-black">
            <span data-testid="player-count">{view.playerCount}</span> {view.playerCount === 1 ? 'player' : 'players'}
          </h2>
          <button type="button" className="btn bg-white/15 px-5 py-3 text-xl text-white hover:bg-white/25" onClick={() => onLock(!view.locked)} disabled={busy} aria-pressed={view.locked}>
            {view.locked ? 'Unlock joining' : 'Lock joining'}
          </button>
        </div>
        {view.locked && <p className="rounded-lg bg-amber-400 px-4 py-2 text-xl font-bold text-amber-950">Joining is locked. New players are turned away.</p>}
        <ul className="flex flex-1 flex-wrap content-start gap-3 overflow-y-auto" aria-label="Players in the lobby" data-testid="lobby-players">
          {view.players.length === 0 && <li className="text-2xl opacity-80">Waiting for players…</li>}
          {view.players.map((p) => (
            <li key={p.id} className={`flex items-center gap-2 rounded-full bg-white py-2 pl-5 pr-2 text-2xl font-bold text-slate-900 ${p.connected ? '' : 'opacity-50'}`}>
              <span className="max-w-[14ch] truncate">{p.nickname}</span>
              {!p.connected && <span className="text-base font-medium">(offline)</span>}
              <button
                type="button"
                onClick={() => onKick(p.id, p.nickname)}
                className="flex h-9 w-9 items-center justify-center rounded-full text-xl text-slate-500 hover:bg-red-100 hover:text-red-700"
                aria-label={`Remove ${p.nickname}`}
                title={`Remove ${p.nickname}`}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
        <button type="button" className="btn h-20 bg-white text-3xl font-black text-indigo-900 hover:bg-indigo-50" onClick={onStart} disabled={busy || view.playerCount === 0}>
          Start ▶
        </button>
        <p className="text-center text-lg opacity-80">Space or Enter starts the game.</p>
      </div>
    </div>
  );
}

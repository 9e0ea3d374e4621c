'use client';
import type { HostView } from '@/core/game/view-types';
import { ProjectorFrame } from './projector-frame';
import { QrCode } from './qr-code';
import { SoundToggle } from './sound-toggle';

interface Props {
  view: HostView;
  joinUrl: string;
  busy: boolean;
  onStart: () => void;
  onKick: (playerId: string, nickname: string) => void;
  onLock: (locked: boolean) => void;
}

/** Projector lobby: how to join (PIN, URL, QR) on the left, who has joined and Start on the right. */
export function HostLobby({ view, joinUrl, busy, onStart, onKick, onLock }: Props) {
  const origin = joinUrl.replace(/\/play\/\d+$/, '');
  // why: a class of 40 should mostly fit at a glance; names get smaller as the room fills (the list scrolls past that).
  const chip = view.players.length > 24 ? 'pj-xs' : view.players.length > 10 ? 'pj-md' : 'pj-lg';
  return (
    <ProjectorFrame>
      <div className="grid min-h-0 flex-1 gap-[2vmin] p-[2.5vmin] md:grid-cols-[minmax(0,11fr)_minmax(0,9fr)] md:grid-rows-[minmax(0,1fr)]">
      <div className="flex min-h-0 min-w-0 flex-col items-center justify-center gap-[2.5vmin] rounded-3xl bg-white/10 p-[2.5vmin] text-center">
        <p className="pj-lg font-semibold">
          Join at <span className="break-all font-black">{origin.replace(/^https?:\/\//, '')}</span> with Game PIN:
        </p>
        <p
          className="pj-pin whitespace-nowrap font-black tracking-[0.06em] tabular-nums"
          data-testid="game-pin"
          aria-label={`Game PIN ${view.pin.split('').join(' ')}`}
        >
          {view.pin}
        </p>
        <div className="flex min-w-0 items-center justify-center gap-[2.5vmin]">
          {joinUrl && <QrCode text={joinUrl} size={240} className="w-[calc(var(--fit,1)*min(30vh,18vw))]" />}
          <p className="pj-sm min-w-0 max-w-[22ch] break-all text-left">
            or scan / open
            <br />
            <span className="font-bold" data-testid="join-url">
              {joinUrl}
            </span>
          </p>
        </div>
      </div>
      <div className="flex min-h-0 min-w-0 flex-col gap-[2vmin]">
        <div className="flex flex-wrap items-center justify-between gap-[1.5vmin]">
          <h2 className="pj-xl font-black" aria-live="polite">
            <span data-testid="player-count">{view.playerCount}</span> {view.playerCount === 1 ? 'player' : 'players'}
          </h2>
          <div className="flex items-center gap-[1vmin]">
            <SoundToggle />
            <button
              type="button"
              className="btn pj-sm bg-white/15 px-[0.9em] py-[0.45em] text-white hover:bg-white/25"
              onClick={() => onLock(!view.locked)}
              disabled={busy}
              aria-pressed={view.locked}
            >
              {view.locked ? 'Unlock joining' : 'Lock joining'}
            </button>
          </div>
        </div>
        {view.locked && (
          <p className="pj-sm rounded-lg bg-amber-400 px-[0.8em] py-[0.4em] font-bold text-amber-950" role="status">
            Joining is locked. New players are turned away.
          </p>
        )}
        <ul
          className="flex min-h-0 flex-1 flex-wrap content-start gap-[1vmin] overflow-y-auto"
          aria-label="Players in the lobby"
          data-testid="lobby-players"
        >
          {view.players.length === 0 && <li className="pj-md opacity-80">Waiting for players…</li>}
          {view.players.map((p) => (
            <li
              key={p.id}
              className={`${chip} pj-anim-pop flex items-center gap-[0.3em] rounded-full py-[0.25em] pl-[0.8em] pr-[0.25em] font-bold ${
                p.connected ? 'bg-white text-slate-900' : 'bg-white/60 text-slate-900'
              }`}
            >
              <span className="max-w-[21ch] truncate">{p.nickname}</span>
              {!p.connected && <span className="text-[0.7em] font-medium">(offline)</span>}
              <button
                type="button"
                onClick={() => onKick(p.id, p.nickname)}
                className="flex h-[1.6em] w-[1.6em] items-center justify-center rounded-full text-slate-600 hover:bg-red-100 hover:text-red-700"
                aria-label={`Remove ${p.nickname}`}
                title={`Remove ${p.nickname}`}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
        <button
          type="button"
          className="btn pj-lg shrink-0 bg-white py-[0.5em] font-black text-indigo-900 hover:bg-indigo-50"
          onClick={onStart}
          disabled={busy || view.playerCount === 0}
        >
          Start ▶
        </button>
        <p className="pj-sm text-center opacity-80">Space or Enter starts the game.</p>
      </div>
      </div>
    </ProjectorFrame>
  );
}

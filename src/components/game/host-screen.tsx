'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { HostView } from '@/core/game/view-types';
import { joinOrigin, type JoinOriginInput } from '@/core/protocol/join-origin';
import { request, sampleView, useGameSocket, type GameSocket } from '@/lib/game-socket';
import { HostLobby } from './host-lobby';
import { HostQuestion } from './host-question';
import { HostLeaderboard, HostPodium } from './host-results';
import { HostReveal } from './host-reveal';
import { SeatRequests } from './host-seat-requests';
import { ConnectionBanner, describeError, Stage } from './stage';

type Command = 'host:start' | 'host:next' | 'host:end-question' | 'host:end-game';

/**
 * The projector. Attaches to the room on every (re)connect, so a refreshed or reconnected
 * host screen picks up exactly where the game is.
 */
export function HostScreen({ gameId, reach }: { gameId: string; reach: Omit<JoinOriginInput, 'pageOrigin'> }) {
  const [view, setView] = useState<HostView | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [joinUrl, setJoinUrl] = useState('');
  const [reachWarning, setReachWarning] = useState<string | null>(null);

  const onConnect = useCallback(
    (s: GameSocket) => {
      void request(s, 'host:attach', { gameId }).then((ack) => {
        if (ack.ok) {
          setView(ack.view);
          setFatal(null);
        } else {
          setFatal(ack.code === 'room_not_found' ? 'This game is no longer running.' : describeError(ack.code, ack.message));
        }
      });
    },
    [gameId],
  );
  const { socket, state, failure, clock } = useGameSocket(onConnect);

  useEffect(() => {
    if (!socket) return;
    socket.on('room:view', (v) => {
      if (v.audience !== 'host' || v.gameId !== gameId) return;
      sampleView(clock, v);
      setView(v);
    });
    socket.on('room:closed', (p) => setFatal(p?.reason === 'closed' ? 'You closed this room. The report stays in your history.' : 'This game room has closed.'))
    socket.on('sys:error', (e) => setNotice(describeError(e.code, e.message)));
    return () => {
      socket.off('room:view');
      socket.off('room:closed');
      socket.off('sys:error');
    };
  }, [socket, gameId, clock]);

  useEffect(() => {
    if (!view) return;
    const target = joinOrigin({ ...reach, pageOrigin: window.location.origin });
    setJoinUrl(`${target.origin}/play/${view.pin}`);
    setReachWarning(target.warning);
  }, [view?.pin]); // eslint-disable-line react-hooks/exhaustive-deps

  const viewRef = useRef(view);
  viewRef.current = view;

  const send = useCallback(
    async (event: Command) => {
      const v = viewRef.current;
      if (!socket || !v || busy) return;
      setBusy(true);
      setNotice(null);
      const ack = await request(socket, event, { expectVersion: v.version });
      setBusy(false);
      // why: `stale` means someone (another tab, a timer) already moved the game on; the new view is on its way.
      if (!ack.ok && ack.code !== 'stale') setNotice(describeError(ack.code, ack.message));
    },
    [socket, busy],
  );

  const kick = useCallback(
    async (playerId: string, nickname: string) => {
      if (!socket || !window.confirm(`Remove ${nickname} from the game?`)) return;
      const ack = await request(socket, 'host:kick', { playerId });
      if (!ack.ok) setNotice(describeError(ack.code, ack.message));
    },
    [socket],
  );

  const answerSeat = useCallback(
    async (requestId: string, grant: boolean) => {
      if (!socket) return;
      const ack = await request(socket, 'host:answer-seat', { requestId, grant });
      if (!ack.ok && ack.code !== 'stale') setNotice(describeError(ack.code, ack.message));
    },
    [socket],
  );

  const lock = useCallback(
    async (locked: boolean) => {
      if (!socket) return;
      const ack = await request(socket, 'host:lock', { locked });
      if (!ack.ok) setNotice(describeError(ack.code, ack.message));
    },
    [socket],
  );

  const primary = useCallback(() => {
    const phase = viewRef.current?.phase;
    if (phase === 'lobby') void send('host:start');
    else if (phase === 'question') void send('host:end-question');
    else if (phase === 'reveal' || phase === 'leaderboard') void send('host:next');
  }, [send]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== ' ' && e.key !== 'Enter') return;
      const t = e.target as HTMLElement | null;
      // why: Space/Enter on a focused button or field already does that control's own thing.
      if (t && t.closest('button, a, input, textarea, select, [contenteditable]')) return;
      e.preventDefault();
      primary();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [primary]);

  const closeRoom = async () => {
    if (!socket || busy) return;
    setBusy(true);
    const ack = await request(socket, 'host:close', {});
    setBusy(false);
    if (!ack.ok) setNotice(describeError(ack.code, ack.message));
  };

  const endGame = () => {
    if (window.confirm('End the game now and show the podium?')) void send('host:end-game');
  };

  return (
    <Stage label="Game host screen">
      <ConnectionBanner state={state} />
      <header className="flex items-center gap-4 bg-black/20 px-6 py-3 text-lg">
        <span className="font-black">StudyRoom</span>
        {view && (
          <span>
            PIN <span className="font-black tabular-nums">{view.pin}</span>
          </span>
        )}
        {view && view.phase !== 'lobby' && (
          <span>
            {view.connectedCount}/{view.playerCount} players connected
          </span>
        )}
        {view && view.phase !== 'podium' && (
          <button type="button" className="btn ml-auto bg-white/15 py-1.5 text-white hover:bg-white/25" onClick={endGame} disabled={busy}>
            End game
          </button>
        )}
      </header>
      {view && view.seatRequests.length > 0 && <SeatRequests requests={view.seatRequests} onAnswer={answerSeat} />}
      {view?.phase === 'lobby' && reachWarning && (
        <p role="alert" className="mx-8 mt-4 rounded-lg bg-amber-200 px-4 py-3 text-xl font-semibold text-slate-900" data-testid="reach-warning">
          {reachWarning}
        </p>
      )}
      {view?.phase === 'question' && view.graceUntil !== null && (
        <p role="status" className="mx-8 mt-4 rounded-lg bg-amber-200 px-4 py-3 text-xl font-semibold text-slate-900">
          Everyone connected has answered. Waiting a few seconds for players whose device dropped…
        </p>
      )}
      {notice && (
        <p role="alert" className="mx-8 mt-4 rounded-lg bg-red-100 px-4 py-3 text-xl font-semibold text-red-900">
          {notice}
        </p>
      )}
      {failure || fatal ? (
        <div className="flex flex-1 flex-col items-center justify-center gap-6 p-8 text-center">
          <p role="alert" className="text-4xl font-bold">
            {failure ?? fatal}
          </p>
          <a href="/host" className="btn bg-white px-8 py-4 text-2xl font-black text-indigo-900">
            Back to game setup
          </a>
        </div>
      ) : !view ? (
        <p className="flex flex-1 items-center justify-center text-4xl font-bold" role="status">
          Opening the room…
        </p>
      ) : view.phase === 'lobby' ? (
        <HostLobby view={view} joinUrl={joinUrl} busy={busy} onStart={() => void send('host:start')} onKick={kick} onLock={lock} />
      ) : view.phase === 'question' && view.question ? (
        <HostQuestion q={view.question} clock={clock} busy={busy} onEnd={() => void send('host:end-question')} />
      ) : view.phase === 'reveal' && view.question && view.reveal ? (
        <HostReveal q={view.question} reveal={view.reveal} busy={busy} onNext={() => void send('host:next')} />
      ) : view.phase === 'leaderboard' ? (
        <HostLeaderboard view={view} busy={busy} onNext={() => void send('host:next')} />
      ) : (
        <HostPodium view={view} busy={busy} onClose={closeRoom} />
      )}
    </Stage>
  );
}

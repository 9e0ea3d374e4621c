'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Choice } from '@/core/game/types';
import type { PlayerView } from '@/core/game/view-types';
import { request, sampleView, useGameSocket, type GameSocket } from '@/lib/game-socket';
import { PlayerJoin } from './player-join';
import { SeatRequestPanel, type SeatAsk } from './seat-request';
import { PlayerQuestion } from './player-question';
import { PlayerLeaderboard, PlayerLobby, PlayerPodium, PlayerReveal } from './player-results';
import { forgetSeat, loadSeat, saveSeat } from './player-storage';
import { ConnectionBanner, describeError, Stage } from './stage';

type Gone = { kind: 'kicked' } | { kind: 'closed' } | { kind: 'moved' };

/**
 * The player's phone. Identity is the {pin, token} seat in localStorage: on every connect
 * (first load, reload, network drop) it rejoins with it and renders the full view it gets back.
 */
export function PlayerScreen({ pin }: { pin: string }) {
  const [view, setView] = useState<PlayerView | null>(null);
  const [checking, setChecking] = useState(true);
  const [joinError, setJoinError] = useState<string | null>(null);
  const [joining, setJoining] = useState(false);
  const [gone, setGone] = useState<Gone | null>(null);
  const [answerError, setAnswerError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  // Question index whose answer the server accepted (the view also says so; this covers the gap).
  const [sentFor, setSentFor] = useState<number | null>(null);
  // Why this PIN cannot be joined (no such game, ended, locked), found before the nickname step.
  const [roomProblem, setRoomProblem] = useState<string | null>(null);
  const [seatAsk, setSeatAsk] = useState<SeatAsk | null>(null);

  const onConnect = useCallback(
    (s: GameSocket) => {
      const seat = loadSeat(pin);
      if (!seat) {
        // A wrong or ended PIN is said before anyone types a nickname.
        void request(s, 'room:check', { pin }).then((ack) => {
          setChecking(false);
          setRoomProblem(ack.ok || ack.code === 'internal' || ack.code === 'rate_limited' ? null : describeError(ack.code, ack.message));
        });
        return;
      }
      void request(s, 'room:rejoin', { pin, token: seat.token }).then((ack) => {
        setChecking(false);
        if (ack.ok) {
          setView(ack.view);
          return;
        }
        if (ack.code === 'internal' || ack.code === 'rate_limited') return; // transient: keep the seat
        forgetSeat(pin);
        setView(null);
        if (ack.code === 'kicked') setGone({ kind: 'kicked' });
        else void request(s, 'room:check', { pin }).then((check) => setRoomProblem(check.ok ? null : describeError(check.code, check.message)));
      });
    },
    [pin],
  );
  const { socket, state, failure, clock } = useGameSocket(onConnect);

  useEffect(() => {
    if (!socket) return;
    socket.on('room:view', (v) => {
      if (v.audience !== 'player' || v.pin !== pin) return;
      sampleView(clock, v);
      if (v.kicked) {
        forgetSeat(pin);
        setGone({ kind: 'kicked' });
      }
      setView(v);
    });
    socket.on('room:kicked', () => {
      forgetSeat(pin);
      setGone({ kind: 'kicked' });
    });
    socket.on('room:closed', () => {
      forgetSeat(pin);
      setGone((g) => g ?? { kind: 'closed' });
    });
    socket.on('room:seat-moved', () => {
      forgetSeat(pin);
      setView(null);
      setGone({ kind: 'moved' });
    });
    socket.on('room:seat-answer', (answer) => {
      if (!answer.granted || !answer.token) {
        setSeatAsk((a) => (a ? { ...a, state: 'declined' } : a));
        return;
      }
      const token = answer.token;
      void request(socket, 'room:rejoin', { pin, token }).then((ack) => {
        if (!ack.ok) {
          setJoinError(describeError(ack.code, ack.message));
          setSeatAsk(null);
          return;
        }
        saveSeat({ pin, token, playerId: ack.playerId });
        setSeatAsk(null);
        setView(ack.view);
      });
    });
    return () => {
      socket.off('room:seat-moved');
      socket.off('room:seat-answer');
      socket.off('room:view');
      socket.off('room:kicked');
      socket.off('room:closed');
    };
  }, [socket, pin, clock]);

  const join = async (nickname: string) => {
    if (!socket) return;
    setJoining(true);
    setJoinError(null);
    const ack = await request(socket, 'room:join', { pin, nickname });
    setJoining(false);
    if (!ack.ok) {
      setJoinError(describeError(ack.code, ack.message));
      setSeatAsk(ack.code === 'nickname_taken' ? { nickname, state: 'offer' } : null);
      return;
    }
    setSeatAsk(null);
    saveSeat({ pin, token: ack.token, playerId: ack.playerId });
    setView(ack.view);
  };

  const askSeat = async () => {
    if (!socket || !seatAsk) return;
    setJoining(true);
    const ack = await request(socket, 'room:request-seat', { pin, nickname: seatAsk.nickname });
    setJoining(false);
    if (ack.ok) setSeatAsk({ ...seatAsk, state: 'waiting' });
    else {
      setSeatAsk(null);
      setJoinError(describeError(ack.code, ack.message));
    }
  };

  const questionIndex = view?.question?.index ?? null;
  const lastIndex = useRef(questionIndex);
  useEffect(() => {
    if (lastIndex.current !== questionIndex) {
      lastIndex.current = questionIndex;
      setAnswerError(null);
    }
  }, [questionIndex]);

  const answer = async (choice: Choice) => {
    const q = view?.question;
    if (!socket || !q || sending) return;
    setSending(true);
    setAnswerError(null);
    let ack = await request(socket, 'answer:submit', { questionIndex: q.index, choice, clientTs: Date.now() });
    // why: "send it again" means the game is moving to another server for a few seconds; the answer
    // is sent again by itself (an answer is never counted twice: a repeat is refused as already answered).
    for (let tries = 0; !ack.ok && ack.code === 'unavailable' && tries < 12; tries++) {
      await new Promise((r) => setTimeout(r, 500));
      ack = await request(socket, 'answer:submit', { questionIndex: q.index, choice, clientTs: Date.now() });
    }
    setSending(false);
    if (ack.ok || ack.code === 'already_answered') setSentFor(q.index);
    else setAnswerError(describeError(ack.code, ack.message));
  };

  let body: React.ReactNode;
  if (failure) body = <Message title={failure} />;
  else if (gone?.kind === 'kicked')
    body = <Message title="You were removed" text="The host removed you from this game." testId="kicked" />;
  else if (gone?.kind === 'closed') body = <Message title="This game has closed" text="Thanks for playing!" />;
  else if (gone?.kind === 'moved')
    body = <Message title="Your seat moved" text="The host moved your place in this game to another device." testId="seat-moved" />;
  else if (!view || !view.me) {
    body =
      checking || !socket ? (
        <Message title="Connecting…" home={false} />
      ) : roomProblem ? (
        <Message title={`PIN ${pin}`} text={roomProblem} testId="room-problem" home />
      ) : seatAsk?.state === 'waiting' ? (
        <SeatRequestPanel ask={seatAsk} busy={joining} onAsk={askSeat} />
      ) : (
        <PlayerJoin pin={pin} busy={joining || state !== 'connected'} error={joinError} onJoin={join}>
          {seatAsk && <SeatRequestPanel ask={seatAsk} busy={joining || state !== 'connected'} onAsk={askSeat} />}
        </PlayerJoin>
      );
  } else if (view.phase === 'lobby') body = <PlayerLobby me={view.me} />;
  else if (view.phase === 'question' && view.question)
    body = (
      <PlayerQuestion
        key={view.question.index}
        q={view.question}
        clock={clock}
        lockedIn={view.answered || sentFor === view.question.index}
        sending={sending}
        error={answerError}
        onAnswer={answer}
      />
    );
  else if (view.phase === 'reveal' && view.reveal) body = <PlayerReveal view={view} />;
  else if (view.phase === 'leaderboard') body = <PlayerLeaderboard view={view} />;
  else if (view.phase === 'podium' && view.podium) body = <PlayerPodium view={view} />;
  else body = <Message title="Get ready…" />;

  return (
    <Stage label="Game">
      <ConnectionBanner state={state} />
      {view?.me && !gone && (
        <header className="flex items-center justify-between gap-3 bg-black/25 px-4 py-2 text-base font-semibold">
          <span className="min-w-0 truncate" data-testid="header-nickname">
            {view.me.nickname}
          </span>
          <span className="shrink-0 rounded-full bg-white/15 px-3 py-0.5 tabular-nums" data-testid="header-score">
            {view.me.score.toLocaleString('en-US')} pts
          </span>
        </header>
      )}
      {body}
    </Stage>
  );
}

function Message({ title, text, testId, home = true }: { title: string; text?: string; testId?: string; home?: boolean }) {
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-4 p-6 text-center" data-testid={testId}>
      <h1 className="text-3xl font-black" role="status">
        {title}
      </h1>
      {text && <p className="text-lg">{text}</p>}
      {home && (
        <a href="/" className="btn bg-white px-6 py-3 text-lg font-black text-indigo-900">
          Back to the start
        </a>
      )}
    </div>
  );
}

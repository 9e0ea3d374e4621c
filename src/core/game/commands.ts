import type { Audience } from './audience';
import type { ErrorReply } from './errors';
import type { Choice, GameState } from './types';

/** Who sent a command. The runtime sets it from the socket's authenticated identity, never from the payload. */
export type Actor = { role: 'host' } | { role: 'player'; playerId: string } | { role: 'system' };

/** Host commands: accepted from `host` (and `system`, e.g. a runtime closing an idle room). */
export type HostCommand =
  | { type: 'start' }
  | { type: 'next' }
  | { type: 'endQuestion' }
  | { type: 'endGame' }
  | { type: 'kick'; playerId: string }
  | { type: 'lock' }
  | { type: 'unlock' }
  /** Hand a player's seat to the device that asked for it (see seat-requests.ts). */
  | { type: 'grantSeat'; requestId: string }
  | { type: 'declineSeat'; requestId: string };

/** Player commands: accepted from the player named in the payload (connection also from `system`). */
export type PlayerCommand =
  | {
      type: 'join';
      /** The id and token a new seat gets (the runtime draws them); unused when an existing seat is matched. */
      playerId: string;
      token: string;
      nickname: string;
      /** The signed-in account joining: one seat per account, so its existing seat is taken back. */
      userId?: string;
      /** A seat token this device kept from an earlier join: that seat is taken back instead of a new one. */
      seatToken?: string;
    }
  | {
      type: 'answer';
      playerId: string;
      questionIndex: number;
      choice: Choice;
      /**
       * One-way latency the runtime measured on the connection the answer came in on (sys:ping);
       * never taken from the payload. Up to 250 ms of it is credited (see scoring.ts).
       */
      latencyMs?: number;
    }
  | { type: 'connection'; playerId: string; connected: boolean };

/** System commands: fed back by the runtime's clock from `schedule` effects. */
export type SystemCommand =
  | { type: 'timeout'; questionIndex: number }
  | { type: 'graceOver'; questionIndex: number }
  /**
   * A guest who lost their device asks for their seat back by nickname; the runtime made the
   * request id and the token the seat will move to, and sends this on the asker's behalf.
   */
  | { type: 'requestSeat'; requestId: string; nickname: string; token: string }
  /** The asking device went away. */
  | { type: 'cancelSeat'; requestId: string }
  /**
   * A device takes back the seat its token names (the runtime vouches for `userId` from the
   * session): refused when no seat has that token, or when the seat belongs to another account.
   */
  | { type: 'rejoin'; token: string; userId?: string };

export type CommandBody = HostCommand | PlayerCommand | SystemCommand;

export type Command = CommandBody & {
  actor: Actor;
  /**
   * The state version the sender saw (host buttons send the version of the view they clicked on).
   * Rejected as `stale` when it predates the last phase change — see `reduce`.
   */
  expectVersion?: number;
};

export type CommandType = CommandBody['type'];

export const HOST_COMMANDS: readonly CommandType[] = ['start', 'next', 'endQuestion', 'endGame', 'kick', 'lock', 'unlock', 'grantSeat', 'declineSeat'];
export const SYSTEM_COMMANDS: readonly CommandType[] = ['timeout', 'graceOver', 'requestSeat', 'cancelSeat', 'rejoin'];

/** Side effects for the runtime to carry out, in order. */
export type Effect =
  /** Feed `command` back into `reduce` at epoch ms `at` (or right away if `at` has passed, e.g. after a restore). */
  | { type: 'schedule'; at: number; command: Command }
  /** Persist one answer (for results and the players' review queues). */
  | {
      type: 'answerRecorded';
      playerId: string;
      questionIndex: number;
      cardId: string;
      choice: Choice;
      correct: boolean;
      responseMs: number;
      points: number;
      streakBonus: number;
    }
  /** Tell this player they were removed and drop their sockets. */
  | { type: 'playerKicked'; playerId: string }
  /** The game reached the podium: persist final results. */
  | { type: 'gameEnded' }
  /** The player's seat moved to another device: take it off the sockets that showed it until now. */
  | { type: 'seatMoved'; playerId: string }
  /** Tell the device that asked for a seat the host's answer (with the seat's new token when granted). */
  | { type: 'seatAnswered'; requestId: string; granted: boolean; token?: string }
  /** A new seat was made (the runtime stores the player). */
  | { type: 'playerJoined'; playerId: string }
  /** The game left the lobby (the runtime stores when it started). Comes before any other effect of the command. */
  | { type: 'started' }
  /**
   * The state is worth a snapshot (a restart replays only the commands after it); `urgent` at a
   * phase change, where every player's next view waits for the command's commit.
   */
  | { type: 'snapshot'; urgent: boolean }
  /** Views changed: the host's always, and the players' in `audience` (see audience.ts). Always last. */
  | { type: 'broadcast'; audience: Audience };

export interface OkReply {
  ok: true;
  /** State version after the command. */
  version: number;
  /**
   * join / rejoin: the seat the device now holds, its token (the device keeps it to come back),
   * and whether it was an existing seat taken back.
   */
  playerId?: string;
  token?: string;
  rejoined?: boolean;
  /** answer: the question index the answer was recorded for. */
  questionIndex?: number;
}

export type Reply = OkReply | ErrorReply;

export interface ReduceResult {
  state: GameState;
  effects: Effect[];
  reply: Reply;
}

/**
 * Socket.IO event names, `domain:verb`. Both sides import these; never write the strings inline.
 * Bump PROTOCOL_VERSION on any breaking change to names, payloads or acks.
 */
export const PROTOCOL_VERSION = 1;

export const EVENTS = {
  // client -> server (every one takes a payload object and an ack callback)
  roomJoin: 'room:join',
  roomRejoin: 'room:rejoin',
  roomCheck: 'room:check',
  roomRequestSeat: 'room:request-seat',
  hostCreate: 'host:create',
  hostAttach: 'host:attach',
  hostStart: 'host:start',
  hostNext: 'host:next',
  hostEndQuestion: 'host:end-question',
  hostEndGame: 'host:end-game',
  hostKick: 'host:kick',
  hostLock: 'host:lock',
  hostClose: 'host:close',
  hostAnswerSeat: 'host:answer-seat',
  answerSubmit: 'answer:submit',
  playerLeave: 'player:leave',
  // server -> client
  roomView: 'room:view',
  roomKicked: 'room:kicked',
  roomClosed: 'room:closed',
  roomSeatMoved: 'room:seat-moved',
  roomSeatAnswer: 'room:seat-answer',
  sysError: 'sys:error',
  sysPing: 'sys:ping',
} as const;

export type EventName = (typeof EVENTS)[keyof typeof EVENTS];

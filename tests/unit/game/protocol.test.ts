import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  AnswerSubmitPayloadSchema,
  EVENTS,
  HandshakeAuthSchema,
  HostKickPayloadSchema,
  HostLockPayloadSchema,
  JoinPayloadSchema,
  PROTOCOL_VERSION,
  RejoinPayloadSchema,
  parsePayload,
  type Ack,
  type ClientToServerEvents,
  type JoinAckData,
  type ServerToClientEvents,
} from '@/core/protocol';
import { GAME_ERROR_CODES } from '@/core/game';

const TOKEN = 'abcDEF0123456789_-xyz';

describe('protocol constants', () => {
  it('names events domain:verb, uniquely, and covers both event maps', () => {
    const names = Object.values(EVENTS);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[a-z]+:[a-z]+(-[a-z]+)*$/);
    expect(PROTOCOL_VERSION).toBe(1);
    expectTypeOf<keyof ClientToServerEvents | keyof ServerToClientEvents>().toEqualTypeOf<(typeof names)[number]>();
  });

  it('keeps game error codes stable', () => {
    for (const code of ['not_host', 'nickname_taken', 'nickname_invalid', 'room_locked', 'kicked', 'not_in_question',
      'already_answered', 'too_late', 'invalid_choice', 'stale', 'game_over', 'bad_phase']) {
      expect(GAME_ERROR_CODES).toContain(code);
    }
  });
});

describe('inbound payload schemas', () => {
  it.each([
    [JoinPayloadSchema, { pin: '012345', nickname: 'Ada' }, true],
    [JoinPayloadSchema, { pin: '012345', nickname: 'Ada', token: TOKEN }, true],
    [JoinPayloadSchema, { pin: '12345', nickname: 'Ada' }, false],
    [JoinPayloadSchema, { pin: '1234567', nickname: 'Ada' }, false],
    [JoinPayloadSchema, { pin: 123456, nickname: 'Ada' }, false],
    [JoinPayloadSchema, { pin: '012345', nickname: 'x'.repeat(257) }, false],
    [JoinPayloadSchema, { pin: '012345', nickname: 'Ada', admin: true }, false],
    [JoinPayloadSchema, { pin: '012345', nickname: 'Ada', token: 'short' }, false],
    [RejoinPayloadSchema, { pin: '012345', token: TOKEN }, true],
    [RejoinPayloadSchema, { pin: '012345', token: 'has spaces in it, too many' }, false],
    [RejoinPayloadSchema, { pin: '012345' }, false],
    [AnswerSubmitPayloadSchema, { questionIndex: 0, choice: [1] }, true],
    [AnswerSubmitPayloadSchema, { questionIndex: 3, choice: 'dead letter queue', clientTs: 1767600000000 }, true],
    [AnswerSubmitPayloadSchema, { questionIndex: 0, choice: [] }, false],
    [AnswerSubmitPayloadSchema, { questionIndex: 0, choice: Array(17).fill(0) }, false],
    [AnswerSubmitPayloadSchema, { questionIndex: 0, choice: 'x'.repeat(201) }, false],
    [AnswerSubmitPayloadSchema, { questionIndex: -1, choice: [0] }, false],
    [AnswerSubmitPayloadSchema, { questionIndex: 0, choice: [0.5] }, false],
    [AnswerSubmitPayloadSchema, { questionIndex: 0, choice: [0], points: 1000 }, false],
    [HostKickPayloadSchema, { playerId: 'p1', expectVersion: 12 }, true],
    [HostKickPayloadSchema, { playerId: '' }, false],
    [HostLockPayloadSchema, { locked: true }, true],
    [HostLockPayloadSchema, { locked: 'yes' }, false],
    [HandshakeAuthSchema, { protocolVersion: 1 }, true],
    [HandshakeAuthSchema, { protocolVersion: 2 }, false],
  ] as const)('%#', (schema, payload, valid) => {
    expect(schema.safeParse(payload).success).toBe(valid);
  });

  it('parsePayload returns a bad_request ack naming the field', () => {
    expect(parsePayload(JoinPayloadSchema, { pin: 'abc', nickname: 'A' })).toEqual({
      ok: false,
      code: 'bad_request',
      message: expect.stringContaining('pin'),
    });
    expect(parsePayload(JoinPayloadSchema, null)).toMatchObject({ ok: false, code: 'bad_request' });
    expect(parsePayload(HostLockPayloadSchema, { locked: false })).toEqual({ ok: true, data: { locked: false } });
  });

  it('types acks as a union discriminated by ok', () => {
    const ack = { ok: true, playerId: 'p', token: TOKEN, view: {} } as unknown as Ack<JoinAckData>;
    if (ack.ok) expectTypeOf(ack.token).toEqualTypeOf<string>();
    else expectTypeOf(ack.code).toBeString();
  });
});

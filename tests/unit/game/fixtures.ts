import { createGame, parseSettings, reduce, type Command, type GameSettingsInput, type GameState, type QuizCard } from '@/core/game';

export const NOW = new Date('2026-01-05T09:00:00Z').getTime();
export const SEED = 20260105;

/** Answer keys use marker strings that appear nowhere else, so leak tests can search for them. */
export const CARDS: QuizCard[] = [
  {
    id: 'card-mcq',
    key: 'mcq-1',
    kind: 'mcq',
    prompt: 'Which service is a message queue?',
    answer: 'SQS',
    options: ['SQS', 'SNS', 'Kinesis', 'Lambda'],
    correct: [0],
    explanation: 'EXPLAIN-MCQ queues hold messages until consumed',
    section: 'SQS › Basics',
  },
  {
    id: 'card-multi',
    key: 'multi-1',
    kind: 'multi',
    prompt: 'Which are messaging services?',
    answer: 'SQS, SNS',
    options: ['SQS', 'EC2', 'SNS', 'RDS'],
    correct: [0, 2],
    explanation: 'EXPLAIN-MULTI both move messages',
    section: 'SQS › Basics',
  },
  {
    id: 'card-tf',
    key: 'tf-1',
    kind: 'tf',
    prompt: 'SQS FIFO queues allow unlimited throughput.',
    answer: 'False',
    options: ['True', 'False'],
    correct: [1],
    explanation: 'EXPLAIN-TF FIFO has throughput limits',
    section: 'SQS › FIFO',
  },
  {
    id: 'card-type',
    key: 'type-1',
    kind: 'type',
    prompt: 'What hides a received message from other consumers?',
    answer: 'Zebra visibility timeout',
    accepted: ['zvt-alias'],
    explanation: 'EXPLAIN-TYPE set per queue or per message',
    section: 'SQS › Visibility',
  },
  {
    id: 'card-no-key',
    key: 'exam-1',
    kind: 'mcq',
    prompt: 'Exam question without key',
    answer: '',
    options: ['a', 'b'],
    correct: [0],
    section: 'Exam',
    needsAnswerKey: true,
  },
  { id: 'card-basic', key: 'basic-1', kind: 'basic', prompt: 'Define SNS', answer: 'Pub/sub', section: 'SNS' },
  {
    id: 'card-sns',
    key: 'sns-1',
    kind: 'mcq',
    prompt: 'SNS delivers to?',
    answer: 'Subscribers',
    options: ['Subscribers', 'Nobody'],
    correct: [0],
    section: 'SNS',
  },
];

/** Settings for predictable tests: deck order, options unshuffled, 4 SQS questions. */
export function fixedSettings(over: Partial<GameSettingsInput> = {}) {
  return parseSettings({
    deckId: 'deck-1',
    sections: ['SQS'],
    questionCount: 4,
    secondsPerQuestion: 20,
    shuffleQuestions: false,
    shuffleOptions: false,
    ...over,
  });
}

export function newGame(over: Partial<GameSettingsInput> = {}): GameState {
  return createGame({ gameId: 'g1', pin: '123456', settings: fixedSettings(over), cards: CARDS, seed: SEED, now: NOW });
}

export const asHost = { role: 'host' } as const;
export const asSystem = { role: 'system' } as const;
export const asPlayer = (playerId: string) => ({ role: 'player', playerId }) as const;

export function joinCmd(id: string, nickname = id, extra: { userId?: string; token?: string } = {}): Command {
  return { type: 'join', playerId: id, token: extra.token ?? `tok-${id}`, nickname, userId: extra.userId, actor: asPlayer(id) };
}

/** `latencyMs`: what the runtime measured on the player's connection. */
export function answerCmd(id: string, questionIndex: number, choice: number[] | string, latencyMs?: number): Command {
  return { type: 'answer', playerId: id, questionIndex, choice, actor: asPlayer(id), ...(latencyMs === undefined ? {} : { latencyMs }) };
}

/** Applies a command that must succeed; returns the result. */
export function ok(state: GameState, cmd: Command, now: number) {
  const res = reduce(state, cmd, now);
  if (!res.reply.ok) throw new Error(`${cmd.type} refused: ${res.reply.code}`);
  return res;
}

/** Applies a command that must fail and returns its error code; asserts the state did not change. */
export function refusedCode(state: GameState, cmd: Command, now: number): string {
  const res = reduce(state, cmd, now);
  if (res.reply.ok) throw new Error(`${cmd.type} unexpectedly accepted`);
  if (res.state !== state || res.effects.length) throw new Error('refused command changed state');
  return res.reply.code;
}

/** Recursively freezes a value so a mutating reducer would throw. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

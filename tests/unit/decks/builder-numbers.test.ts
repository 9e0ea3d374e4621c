import { describe, expect, it } from 'vitest';
import { buildDeck } from '@/core/decks/builder';
import { comparison } from '@/core/decks/builder-compare';
import { numericTargets } from '@/core/decks/builder-facts';
import { blankPrompt, numberChoices, type NumberFact } from '@/core/decks/builder-number-choices';
import { defaultQuestion, limitQuestion, parseQuantity, sameAmount } from '@/core/decks/builder-numbers';
import { clozeDeletions } from '@/core/decks/cloze';

const q = (token: string) => {
  const parsed = parseQuantity(token);
  if (!parsed) throw new Error(`not a quantity: ${token}`);
  return parsed;
};

describe('numbers with units', () => {
  it('keeps the counted thing with the number, so a cloze hides the whole amount', () => {
    expect(numericTargets('Maximum of 10 messages per batch')).toEqual(['10 messages per batch']);
    expect(numericTargets('FIFO queues support 300 TPS (3,000 with batching)')).toEqual(['300 TPS', '3,000']);
    expect(numericTargets('A shard holds 1 shard and 5 consumers')).toEqual(['1 shard', '5 consumers']);
    expect(numericTargets('Java 11 at the moment')).toEqual(['11']);
  });

  it('reads the unit family and amount of a token', () => {
    expect(q('256 KB')).toMatchObject({ family: 'size', bases: [256_000, 262_144] });
    expect(q('14 days')).toMatchObject({ family: 'duration', bases: [1_209_600] });
    expect(q('30 seconds').bases).toEqual(q('0.5 minutes').bases);
    expect(q('1 MB/sec').family).toBe('size/s');
    expect(q('1000 records/sec')).toMatchObject({ family: 'rate:record', bases: [1000] });
    expect(q('300 messages per second').family).toBe('rate:message');
    expect(q('10 messages per batch').family).toBe('per-batch:message');
    expect(q('300 TPS').family).toBe('count:TPS');
    expect(q('5 retries').family).toBe('count:retry');
    expect(q('99.9%').family).toBe('%');
    expect(q('10x').family).toBe('x');
    expect(parseQuantity('1,000')).toBeNull();
  });

  it('knows equal amounts written differently, and tells different ones apart', () => {
    expect(sameAmount(q('1 MB'), q('1,024 KB'))).toBe(true);
    expect(sameAmount(q('1 MB'), q('1000 KB'))).toBe(true);
    expect(sameAmount(q('24 hours'), q('1 day'))).toBe(true);
    expect(sameAmount(q('14 days'), q('14 days'))).toBe(true);
    expect(sameAmount(q('1 MB'), q('1 GB'))).toBe(false);
    expect(sameAmount(q('60 seconds'), q('60 KB'))).toBe(false);
  });
});

describe('labelled limits', () => {
  const ask = (text: string, where = ['Lambda']) => limitQuestion(text, numericTargets(text), where);

  it('asks for the maximum, minimum, default or range the label names', () => {
    expect(ask('Execution timeout: up to 15 minutes')).toEqual({ kind: 'maximum', question: 'In Lambda, what is the maximum execution timeout?', answer: 'Up to 15 minutes', token: '15 minutes' });
    expect(ask('Memory: 128 MB to 10 GB')).toMatchObject({ kind: 'range', question: 'In Lambda, what is the range of memory?', answer: '128 MB to 10 GB' });
    expect(ask('Ephemeral disk: 512 MB by default, up to 10 GB')).toMatchObject({ kind: 'default', question: 'In Lambda, what is the default ephemeral disk?' });
    expect(ask('Batch size: at least 1 message', [])).toMatchObject({ kind: 'minimum', question: 'What is the minimum batch size?' });
    expect(ask('Retention period: 14 days', ['SQS'])).toMatchObject({ kind: 'value', question: 'In SQS, how long is retention period?', answer: '14 days' });
    expect(ask('TTL: 300 seconds', [])?.question).toBe('How long is TTL?');
  });

  it('asks "X defaults to N" as the default X, and leaves longer clauses as they are', () => {
    const ask = (text: string) => defaultQuestion(text, numericTargets(text), ['SQS']);
    expect(ask('The visibility timeout defaults to 30 seconds.')).toEqual({ kind: 'default', question: 'In SQS, what is the default visibility timeout?', answer: '30 seconds', token: '30 seconds' });
    expect(ask('Retention defaults to 4 days (max 14 days)')?.answer).toBe('4 days (max 14 days)');
    expect(ask('Retention defaults to 4 days unless you change it')).toBeNull();
    expect(ask('The setting defaults to 10')).toBeNull();
  });

  it('leaves sentences, bare numbers and qualifying labels alone', () => {
    expect(ask('Concurrency: 1,000 (soft limit per region)')).toBeNull();
    expect(ask('Each shard provides: 1 MB/sec write throughput')).toBeNull();
    expect(ask('With layers or S3: up to 250 MB unzipped')).toBeNull();
    expect(ask('Messages can be up to 256 KB')).toBeNull();
  });
});

describe('comparisons', () => {
  it('turns "A vs B: ..." into a question about the difference', () => {
    expect(comparison('Standard vs FIFO: Standard gives best-effort ordering, FIFO keeps strict order')).toMatchObject({
      question: 'How does Standard differ from FIFO?',
      answer: 'Standard gives best-effort ordering, FIFO keeps strict order',
    });
    expect(comparison('SQS vs SNS vs Kinesis: pull, push and stream')?.question).toBe('How do SQS, SNS and Kinesis differ?');
  });

  it('turns "Unlike A, B ..." into "which one ..." with B as the answer', () => {
    expect(comparison('Unlike SNS, SQS stores messages until a consumer deletes them.')).toEqual({
      question: 'Unlike SNS, which one stores messages until a consumer deletes them?',
      answer: 'SQS',
      explanation: 'Unlike SNS, SQS stores messages until a consumer deletes them.',
      subjects: ['SQS', 'SNS'],
    });
    expect(comparison('Unlike SQS or SNS, which are cloud-native, Amazon MQ is designed for existing systems.')?.answer).toBe('Amazon MQ');
  });

  it('asks which of two is cheaper/faster, naming them in an order that does not give the answer away', () => {
    expect(comparison('SQS is cheaper than Kinesis')).toMatchObject({ question: 'Which is cheaper: Kinesis or SQS?', answer: 'SQS' });
    expect(comparison('Kinesis is cheaper than SQS')).toMatchObject({ question: 'Which is cheaper: Kinesis or SQS?', answer: 'Kinesis' });
    expect(comparison('Standard queues are far more scalable than FIFO queues.')).toMatchObject({ question: 'Which is more scalable: FIFO queues or Standard queues?', answer: 'Standard queues' });
  });

  it('does not read "rather than", "other than" or long clauses as comparisons', () => {
    expect(comparison('Lambda is used rather than EC2')).toBeNull();
    expect(comparison('It is faster than before')).toBeNull();
    expect(comparison('Queues decouple producers from consumers.')).toBeNull();
  });
});

describe('multiple choice on numbers', () => {
  const fact = (token: string, statement: string, tokens = [token]): NumberFact => ({
    token,
    prompt: blankPrompt(statement, token),
    statementTokens: tokens,
    section: 'SQS › Limits',
    keyPrefix: 'limits',
  });

  it('draws wrong options from other amounts of the same unit in the document, with one correct option', () => {
    const pool = ['256 KB', '14 days', '2 GB', '10 MB', '4 days', '64 KB', '30 seconds'];
    const [card] = numberChoices([fact('256 KB', 'Messages can be up to 256 KB.')], pool, new Set());
    expect(card.kind).toBe('mcq');
    expect(card.prompt).toBe('Complete: “Messages can be up to _____.”');
    expect(blankPrompt('Up to 10 GB', '10 GB', 'Disk › Up to 10 GB: ')).toBe('Complete: “Disk › Up to 10 GB: Up to _____”');
    expect([...(card.options ?? [])].sort()).toEqual(['10 MB', '2 GB', '256 KB', '64 KB']);
    expect(card.correct).toEqual([card.options?.indexOf('256 KB')]);
  });

  it('never offers an amount equal to the answer, nor one named in the same statement, nor the same amount twice', () => {
    const pool = ['1 MB', '1,024 KB', '1000 KB', '512 KB', '512 KB', '2 MB', '4 MB', '8 MB', '16 MB'];
    const [card] = numberChoices([fact('1 MB', 'A record is at most 1 MB (2 MB with batching).', ['1 MB', '2 MB'])], pool, new Set());
    expect(card.options).toHaveLength(4);
    const wrong = (card.options ?? []).filter((o) => o !== '1 MB');
    expect(wrong).not.toContain('1,024 KB');
    expect(wrong).not.toContain('1000 KB');
    expect(wrong).not.toContain('2 MB');
    expect(new Set(wrong.map((o) => q(o).bases[0])).size).toBe(3);
  });

  it('makes no card rather than inventing numbers when the document has too few same-unit amounts', () => {
    const pool = ['256 KB', '2 GB', '14 days', '4 days', '1 minute', '30 seconds'];
    expect(numberChoices([fact('256 KB', 'Messages can be up to 256 KB.')], pool, new Set())).toEqual([]);
    expect(numberChoices([fact('14 days', 'Kept for 14 days.')], pool, new Set())).toHaveLength(1);
  });
});

describe('the builder on notes full of numbers', () => {
  const NOTES = [
    '# SQS',
    '',
    '## Limits',
    '',
    '- Messages can be up to 256 KB',
    '- Retention from 1 minute to 14 days (default 4 days)',
    '- Maximum of 10 messages per batch',
    '- The visibility timeout defaults to 30 seconds',
    '- FIFO queues support 300 TPS (3,000 with batching)',
    '- Retention period: 14 days',
    '- Long polling: up to 20 seconds',
    '',
    '## Compared',
    '',
    '- Standard vs FIFO: Standard gives best-effort ordering, FIFO keeps strict order',
    '- Unlike SNS, SQS stores messages until a consumer deletes them.',
    '- SNS is cheaper than SQS for fan-out.',
  ].join('\n');
  const r = buildDeck(NOTES, { id: 'sqs' });
  if (!r.ok) throw new Error(r.error);
  const cards = r.deck.cards;

  it('clozes whole amounts and asks labelled limits as questions, under the right heading', () => {
    const hidden = cards.filter((c) => c.kind === 'cloze').flatMap((c) => clozeDeletions(c.prompt).map((d) => d.text));
    expect(hidden).toEqual(expect.arrayContaining(['256 KB', '1 minute', '14 days', '4 days', '10 messages per batch', '300 TPS']));
    expect(cards).toContainEqual(expect.objectContaining({ kind: 'basic', prompt: 'In Limits, what is the default visibility timeout?', answer: '30 seconds' }));
    expect(cards).toContainEqual(expect.objectContaining({ kind: 'basic', prompt: 'In Limits, how long is retention period?', answer: '14 days', section: 'SQS › Limits' }));
    expect(cards).toContainEqual(expect.objectContaining({ kind: 'basic', prompt: 'In Limits, what is the maximum long polling?', answer: 'Up to 20 seconds' }));
  });

  it('asks comparisons as questions, keeping the statement as the explanation', () => {
    const compared = cards.filter((c) => c.section === 'SQS › Compared');
    expect(compared.map((c) => c.prompt)).toEqual([
      'How does Standard differ from FIFO?',
      'Unlike SNS, which one stores messages until a consumer deletes them?',
      'Which is cheaper: SNS or SQS for fan-out?',
    ]);
    expect(compared[1]).toMatchObject({ answer: 'SQS', explanation: 'Unlike SNS, SQS stores messages until a consumer deletes them.' });
  });

  it('gives durations a multiple-choice twin with other durations of the notes, and sizes none (too few)', () => {
    const numeric = cards.filter((c) => c.kind === 'mcq');
    expect(numeric.map((c) => c.answer).sort()).toEqual(['14 days', '20 seconds', '30 seconds']);
    for (const c of numeric) {
      expect(c.options).toHaveLength(4);
      expect(c.options?.every((o) => parseQuantity(o)?.family === 'duration')).toBe(true);
      expect(c.options?.filter((o) => sameAmount(q(o), q(c.answer)))).toEqual([c.answer]);
    }
  });
});

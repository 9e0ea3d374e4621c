import { describe, expect, it } from 'vitest';
import type { DeckData } from '@/core/decks/card-types';
import { parseDeckFile, sectionHeading, serializeDeck } from '@/core/decks/deck-file';

const GOOD = `# A comment
deck: sqs
title: Amazon SQS
description: Queues, visibility timeout,
  long polling, FIFO.
source: aws-study-notes.txt

=== sqs-fifo-throughput
kind: mcq
section: SQS › SQS Standard + FIFO
tags: throughput, limits
prompt: How many messages per second does an SQS FIFO queue support without batching?
options:
  - 30
  * 300
  - 3,000
  - Nearly unlimited
explanation: FIFO queues trade throughput for strict ordering: 300 messages per
  second, or 3,000 with batching.

=== sqs-size
kind: cloze
section: SQS › Producing + Consuming from SQS
prompt: Each message can be up to {{c1::256 KB}} and is kept up to {{c1::14 days::duration}}.

=== sqs-decoupling
kind: basic
section: SQS › Amazon SQS
prompt: What does decoupling mean?
answer: The producer does not wait for the consumer.

=== sqs-multi
kind: multi
section: SQS › SQS Security
prompt: Which protect SQS messages?
options:
  * KMS encryption at rest
  - Public buckets
  * HTTPS in transit

=== sqs-tf
kind: tf
section: SQS › Long Polling
prompt: Long polling waits up to 20 seconds.
answer: TRUE

=== sqs-tf-false
kind: tf
section: SQS › Long Polling
prompt: Short polling waits for messages.
answer: false

=== sqs-type
kind: type
section: SQS › Long Polling
prompt: Which parameter sets long polling?
answer: WaitTimeSeconds
accept: wait time seconds | ReceiveMessageWaitTimeSeconds
`;

function errorsOf(text: string, options = {}) {
  const r = parseDeckFile(text, options);
  return r.errors.map((e) => `${e.line}: ${e.message}`);
}

const HEADER = 'deck: d\ntitle: T\n';

describe('parseDeckFile', () => {
  it('reads a valid file into DeckData', () => {
    const r = parseDeckFile(GOOD, { builtIn: true, expectedId: 'sqs' });
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
    const d = r.deck;
    expect(d).toMatchObject({ id: 'sqs', title: 'Amazon SQS', description: 'Queues, visibility timeout,\nlong polling, FIFO.', source: 'aws-study-notes.txt' });
    expect(d.cards.map((c) => c.key)).toEqual(['sqs-fifo-throughput', 'sqs-size', 'sqs-decoupling', 'sqs-multi', 'sqs-tf', 'sqs-tf-false', 'sqs-type']);
    expect(d.cards[0]).toEqual({
      key: 'sqs-fifo-throughput',
      kind: 'mcq',
      section: 'SQS › SQS Standard + FIFO',
      tags: ['throughput', 'limits'],
      prompt: 'How many messages per second does an SQS FIFO queue support without batching?',
      options: ['30', '300', '3,000', 'Nearly unlimited'],
      correct: [1],
      answer: '300',
      explanation: 'FIFO queues trade throughput for strict ordering: 300 messages per\nsecond, or 3,000 with batching.',
    });
    expect(d.cards[1].answer).toBe('Each message can be up to 256 KB and is kept up to 14 days.');
    expect(d.cards[2]).toMatchObject({ kind: 'basic', answer: 'The producer does not wait for the consumer.' });
    expect(d.cards[3]).toMatchObject({ correct: [0, 2], answer: 'KMS encryption at rest; HTTPS in transit' });
    expect(d.cards[4]).toMatchObject({ options: ['True', 'False'], correct: [0], answer: 'True' });
    expect(d.cards[5]).toMatchObject({ correct: [1], answer: 'False' });
    expect(d.cards[6]).toMatchObject({ answer: 'WaitTimeSeconds', accepted: ['wait time seconds', 'ReceiveMessageWaitTimeSeconds'] });
  });

  it('accepts CRLF line endings and a BOM', () => {
    const r = parseDeckFile(`\uFEFF${GOOD.replace(/\n/g, '\r\n')}`);
    expect(r.ok).toBe(true);
    expect(r.deck.cards).toHaveLength(7);
  });

  it('reports header problems with their lines', () => {
    expect(errorsOf('title: T\n')).toEqual(["1: missing header field 'deck: <deck-id>'"]);
    expect(errorsOf('deck: d\n')).toEqual(["1: missing header field 'title'"]);
    expect(errorsOf('\ndeck: Bad_Id\ntitle: T\n')).toEqual(["2: deck id 'Bad_Id' may only hold a-z, 0-9 and '-'"]);
    expect(errorsOf(`${HEADER}owner: me\n`)).toEqual(["3: unknown field 'owner'"]);
    expect(errorsOf(HEADER, { expectedId: 'sqs' })).toEqual(["1: deck id 'd' does not match the file name 'sqs.deck'"]);
    expect(errorsOf(HEADER, { builtIn: true })).toEqual(['1: deck has no cards']);
  });

  it('reports layout problems with their lines', () => {
    expect(errorsOf(`${HEADER}just some words\n`)).toEqual(["3: expected 'name: value', '=== card-id' or a '#' comment"]);
    expect(errorsOf(`  indented\n${HEADER}`)).toEqual(['1: indented line does not continue any field']);
    expect(errorsOf(`${HEADER}description: x\n continued\n`)).toEqual(['4: continuation lines are indented by two or more spaces']);
  });

  const card = (body: string, id = 'c1') => `${HEADER}\n=== ${id}\n${body}`;

  it('reports card id problems', () => {
    expect(errorsOf(card('kind: basic\nsection: S\nprompt: P\nanswer: A\n', 'Card_1'))).toEqual([
      "4: card id 'Card_1' may only hold a-z, 0-9 and '-'",
    ]);
    expect(errorsOf(card('kind: basic\nsection: S\nprompt: P\nanswer: A\n', ''))).toEqual(['4: card missing id']);
    const dup = `${card('kind: basic\nsection: S\nprompt: P\nanswer: A\n')}\n=== c1\nkind: basic\nsection: S\nprompt: Q\nanswer: B\n`;
    expect(errorsOf(dup)).toEqual(["10: duplicate card id 'c1' (first on line 4)"]);
  });

  it('reports missing and unknown fields and kinds', () => {
    expect(errorsOf(card('section: S\nprompt: P\n'))).toEqual(["4: card 'c1' has no 'kind'"]);
    expect(errorsOf(card('kind: essay\nsection: S\nprompt: P\n'))).toEqual([
      "5: unknown kind 'essay' (expected basic, cloze, mcq, multi, tf, type)",
    ]);
    expect(errorsOf(card('kind: basic\nprompt: P\nanswer: A\n'))).toEqual(["4: card 'c1' is missing 'section'"]);
    expect(errorsOf(card('kind: basic\nsection: S\nanswer: A\n'))).toEqual(["4: card 'c1' is missing 'prompt'"]);
    expect(errorsOf(card('kind: basic\nsection: S\nprompt: P\n'))).toEqual(["4: card 'c1' is missing 'answer'"]);
    expect(errorsOf(card('kind: basic\nsection:\nprompt: P\nanswer: A\n'))).toEqual(["6: 'section' is empty"]);
    expect(errorsOf(card('kind: basic\nsection: S\nprompt: P\nanswer: A\nhint: x\n'))).toEqual(["9: unknown field 'hint'"]);
    expect(errorsOf(card('kind: basic\nsection: S\nprompt: P\nprompt: Q\nanswer: A\n'))).toEqual([
      "8: duplicate field 'prompt' (first on line 7)",
    ]);
    expect(errorsOf(card('kind: cloze\nsection: S\nprompt: a {{c1::b}}\nanswer: A\n'))).toEqual([
      "8: field 'answer' is not used by cloze cards",
    ]);
  });

  it('checks mcq options', () => {
    const mcq = (opts: string, extra = '') => card(`kind: mcq\nsection: S\nprompt: P\noptions:\n${opts}${extra}`);
    expect(errorsOf(mcq('  - a\n  - b\n  - c\n  - d\n'))).toEqual(["8: mcq needs exactly one correct option ('* '), found none"]);
    expect(errorsOf(mcq('  * a\n  * b\n  - c\n  - d\n'))).toEqual(["8: mcq has exactly one correct option ('* '), found 2"]);
    expect(errorsOf(mcq('  * a\n'))).toEqual(['8: mcq needs at least 2 options, found 1']);
    expect(errorsOf(mcq('  * a\n  - b\n'))).toEqual([]);
    expect(errorsOf(mcq('  * a\n  - b\n'), { builtIn: true })).toEqual(['8: built-in mcq cards have exactly 4 options, found 2']);
    expect(errorsOf(mcq('  * a\n  - A\n'))).toEqual(["10: duplicate option 'A'"]);
    expect(errorsOf(mcq('  * a\n  -\n'))).toEqual(['10: empty option']);
    expect(errorsOf(mcq('  + a\n'))).toEqual([
      '8: mcq needs at least 2 options, found 0',
      "9: option lines start with '- ' (wrong) or '* ' (correct)",
    ]);
    expect(errorsOf(card('kind: mcq\nsection: S\nprompt: P\noptions: a, b\n'))).toEqual([
      "8: list options on the following lines ('  - wrong', '  * correct')",
      '8: mcq needs at least 2 options, found 0',
    ]);
    expect(errorsOf(card('kind: mcq\nsection: S\nprompt: P\n'))).toEqual(["4: card 'c1' is missing 'options'"]);
  });

  it('lets option text continue on deeper-indented lines', () => {
    const r = parseDeckFile(card('kind: mcq\nsection: S\nprompt: P\noptions:\n  * first line\n    second line\n  - b\n'));
    expect(r.deck.cards[0].options).toEqual(['first line\nsecond line', 'b']);
  });

  it('allows needs-key drafts without a correct option, except in built-in decks', () => {
    const draft = card('kind: mcq\nsection: S\nprompt: P\noptions:\n  - a\n  - b\n  - c\n  - d\nneeds-key: true\n');
    const r = parseDeckFile(draft);
    expect(r.ok).toBe(true);
    expect(r.deck.cards[0]).toMatchObject({ needsAnswerKey: true, correct: [], answer: '' });
    expect(errorsOf(draft, { builtIn: true })).toEqual([
      '13: built-in decks cannot hold drafts: mark the correct option and remove needs-key',
    ]);
    expect(errorsOf(draft.replace('needs-key: true', 'needs-key: yes'))).toEqual([
      "8: mcq needs exactly one correct option ('* '), found none",
      "13: needs-key must be 'true' or 'false', not 'yes'",
    ]);
  });

  it('checks multi, tf and cloze cards', () => {
    expect(errorsOf(card('kind: multi\nsection: S\nprompt: P\noptions:\n  - a\n  - b\n'))).toEqual([
      "8: multi needs at least one correct option ('* '), found none",
    ]);
    expect(errorsOf(card('kind: tf\nsection: S\nprompt: P\nanswer: yes\n'))).toEqual(["8: tf answer must be 'true' or 'false', not 'yes'"]);
    expect(errorsOf(card('kind: tf\nsection: S\nprompt: P\noptions:\n  * a\n  - b\nanswer: true\n'))).toEqual([
      "8: field 'options' is not used by tf cards",
    ]);
    expect(errorsOf(card('kind: cloze\nsection: S\nprompt: no deletion here\n'))).toEqual(['7: cloze prompt has no {{c1::...}} deletion']);
    expect(errorsOf(card('kind: cloze\nsection: S\nprompt: a {{c1::b}} and {{c1:c}}\n'))).toEqual([
      "7: malformed cloze deletion: write '{{c1::hidden text}}'",
    ]);
    expect(errorsOf(card('kind: basic\nsection: S\nprompt: P\nanswer: A\naccept: B\n'))).toEqual([
      "9: field 'accept' is not used by basic cards",
    ]);
  });

  it('collects every error in one pass, in line order', () => {
    const text = `deck: BAD\n\n=== x\nkind: basic\nsection: S\nprompt: P\n\n=== x\nkind: tf\nsection: S\nprompt: P\nanswer: maybe\n`;
    expect(errorsOf(text)).toEqual([
      "1: deck id 'BAD' may only hold a-z, 0-9 and '-'",
      "1: missing header field 'title'",
      "3: card 'x' is missing 'answer'",
      "8: duplicate card id 'x' (first on line 3)",
      "12: tf answer must be 'true' or 'false', not 'maybe'",
    ]);
  });
});

describe('serializeDeck', () => {
  it('round-trips the example file', () => {
    const d = parseDeckFile(GOOD).deck;
    const again = parseDeckFile(serializeDeck(d));
    expect(again.errors).toEqual([]);
    expect(again.deck).toStrictEqual(d);
  });

  it('round-trips a constructed deck with every kind and multi-line values', () => {
    const deck: DeckData = {
      id: 'all-kinds',
      title: 'All kinds',
      description: '',
      cards: [
        { key: 'b', kind: 'basic', prompt: 'Line one\nline two', answer: 'An answer: with a colon', section: 'T › H', tags: ['x y', 'z'] },
        { key: 'c', kind: 'cloze', prompt: '{{c1::SQS}} keeps messages {{c1::14 days}}', answer: 'SQS keeps messages 14 days', section: 'T › H' },
        { key: 'm', kind: 'mcq', prompt: 'Pick', answer: 'two\nlines', options: ['one', 'two\nlines', '# not a comment', '=== not a card'], correct: [1], section: 'T › H', explanation: 'Because.' },
        { key: 'mu', kind: 'multi', prompt: 'Pick all', answer: 'a; c', options: ['a', 'b', 'c'], correct: [0, 2], section: 'T › H' },
        { key: 'd', kind: 'mcq', prompt: 'Draft', answer: '', options: ['a', 'b'], correct: [], section: 'T › H', needsAnswerKey: true },
        { key: 't', kind: 'tf', prompt: 'True?', answer: 'False', options: ['True', 'False'], correct: [1], section: 'T › H' },
        { key: 'y', kind: 'type', prompt: 'Type', answer: 'x', accepted: ['ex', 'eks'], section: 'T › H' },
      ],
    };
    const text = serializeDeck(deck);
    const r = parseDeckFile(text);
    expect(r.errors).toEqual([]);
    expect(r.deck).toStrictEqual(deck);
    expect(text).toContain('=== m\nkind: mcq\n');
    expect(text).toContain('  * two\n    lines\n');
  });
});

describe('sectionHeading', () => {
  it('takes the last part of a section path', () => {
    expect(sectionHeading('SQS › SQS Standard + FIFO')).toBe('SQS Standard + FIFO');
    expect(sectionHeading('Long Polling')).toBe('Long Polling');
  });
});

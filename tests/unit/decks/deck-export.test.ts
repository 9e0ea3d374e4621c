import { describe, expect, it } from 'vitest';
import type { DeckData } from '@/core/decks/card-types';
import { parseCsv } from '@/core/decks/csv';
import { CSV_COLUMNS, toExportCsv, toExportJson } from '@/core/decks/deck-export';

const DECK: DeckData = {
  id: 'sqs',
  title: 'Amazon SQS',
  description: 'Queues',
  source: 'aws-study-notes.txt',
  cards: [
    {
      key: 'fifo',
      kind: 'mcq',
      prompt: 'FIFO throughput, "without" batching?',
      answer: '300',
      options: ['30', '300', '3,000', 'Nearly unlimited'],
      correct: [1],
      explanation: 'Strict ordering,\nlower throughput.',
      section: 'SQS › SQS Standard + FIFO',
      tags: ['limits', 'fifo queue'],
    },
    { key: 'size', kind: 'cloze', prompt: 'Up to {{c1::256 KB}}', answer: 'Up to 256 KB', section: 'SQS › Producing + Consuming from SQS' },
  ],
};

describe('toExportJson', () => {
  it('exports decks with card ids, answers, correct indexes and source sections', () => {
    expect(toExportJson([DECK])).toEqual({
      decks: [
        {
          id: 'sqs',
          title: 'Amazon SQS',
          description: 'Queues',
          source: 'aws-study-notes.txt',
          cards: [
            {
              id: 'fifo',
              kind: 'mcq',
              prompt: 'FIFO throughput, "without" batching?',
              answer: '300',
              options: ['30', '300', '3,000', 'Nearly unlimited'],
              correct: [1],
              explanation: 'Strict ordering,\nlower throughput.',
              tags: ['limits', 'fifo queue'],
              source: { section: 'SQS › SQS Standard + FIFO' },
            },
            { id: 'size', kind: 'cloze', prompt: 'Up to {{c1::256 KB}}', answer: 'Up to 256 KB', source: { section: 'SQS › Producing + Consuming from SQS' } },
          ],
        },
      ],
    });
  });

  it('does not share arrays with the input', () => {
    const out = toExportJson([DECK]);
    out.decks[0].cards[0].options?.push('x');
    expect(DECK.cards[0].options).toHaveLength(4);
  });
});

describe('toExportCsv', () => {
  it('writes a header row and one quoted row per card', () => {
    const csv = toExportCsv([DECK]);
    const lines = csv.split('\n');
    expect(lines[0]).toBe('id,deck,kind,section,prompt,answer,options,correct,explanation,tags,accepted');
    expect(lines[1]).toBe(
      'fifo,sqs,mcq,SQS › SQS Standard + FIFO,"FIFO throughput, ""without"" batching?",300,"30 | 300 | 3,000 | Nearly unlimited",1,"Strict ordering,',
    );
    expect(lines[2]).toBe('lower throughput.",limits fifo_queue,');
  });

  it('reads back to the same cells with the CSV parser', () => {
    const { rows, errors } = parseCsv(toExportCsv([DECK]), ',');
    expect(errors).toEqual([]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(rows[0].fields).toEqual([...CSV_COLUMNS]);
    expect(rows[1].fields).toEqual([
      'fifo',
      'sqs',
      'mcq',
      'SQS › SQS Standard + FIFO',
      'FIFO throughput, "without" batching?',
      '300',
      '30 | 300 | 3,000 | Nearly unlimited',
      '1',
      'Strict ordering,\nlower throughput.',
      'limits fifo_queue',
      '',
    ]);
    expect(rows[2].fields.slice(0, 6)).toEqual(['size', 'sqs', 'cloze', 'SQS › Producing + Consuming from SQS', 'Up to {{c1::256 KB}}', 'Up to 256 KB']);
  });
});

import { describe, expect, it } from 'vitest';
import { buildDeck, formatBuildSummary, listSections } from '@/core/decks/builder';
import { numericTargets, termDefinition } from '@/core/decks/builder-facts';
import { clozeDeletions } from '@/core/decks/cloze';
import { parseDeckFile, sectionHeading, serializeDeck } from '@/core/decks/deck-file';
import { readAwsNotes } from './notes-fixture';

const AWS_SECTIONS = [
  'Amazon SQS', 'SQS Standard + FIFO', 'Producing + Consuming from SQS', 'SQS Security', 'Message Visibility Timeout',
  'Long Polling', 'Amazon SNS', 'SNS Security', 'SNS + SQS Fan-out', 'SNS FIFO + Message Filtering', 'Kinesis Overview',
  'Kinesis Data Streams', 'Kinesis Data Streams Security', 'Kinesis Data Firehose', 'Kinesis Data Streams vs Kinesis Firehose',
  'SQS vs SNS vs Kinesis', 'Amazon MQ', 'Exam Questions', 'ECS Overview', 'IAM Role for ECS', 'ECS Auto Scaling', 'Amazon ECR',
  'Amazon EKS', 'EKS Node Types', 'AWS App Runner', 'ECS + EKS Exam Questions', 'Lambda', 'Lambda SnapStart',
  'Lambda@Edge with CloudFront', 'CloudFront Functions vs Lambda@Edge', 'Lambda in a VPC', 'DynamoDB', 'DynamoDB Capacity Modes',
  'DAX – DynamoDB Accelerator', 'DynamoDB Streams', 'DynamoDB Global Tables', 'DynamoDB Disaster Recovery', 'API Gateway',
  'API Gateway Security + Endpoint Types', 'AWS Step Functions', 'Amazon Cognito',
  'Cognito User Pools vs Identity Pools – Comparison', 'Serverless Exam Questions',
];

function build(text: string | Uint8Array, options = {}) {
  const r = buildDeck(text, options);
  if (!r.ok) throw new Error(r.error);
  return r;
}

describe('builder on the AWS study notes', () => {
  const notes = readAwsNotes();
  const result = build(notes, { id: 'aws', title: 'AWS', source: 'aws-study-notes.txt' });
  const { deck, summary } = result;

  it('lists every heading of the notes, in order, and nothing else', () => {
    expect(listSections(notes)).toEqual(AWS_SECTIONS);
    expect(summary.sections).toEqual(AWS_SECTIONS);
  });

  it('does not take questions, labels, equations or numbered items for headings', () => {
    const sections = listSections(notes);
    for (const notHeading of ['Which ECS launch type should they choose?', 'User Pools = Who you are', 'Key Points', 'Use Case', '1. Standard Queue', 'Standard Queue']) {
      expect(sections).not.toContain(notHeading);
    }
  });

  it('finds the six exam questions with four options each, awaiting an answer key', () => {
    // why: exam questions have `-q-` ids; the other mcq cards are drawn from sibling facts.
    const mcq = deck.cards.filter((c) => c.kind === 'mcq' && c.key.includes('-q-'));
    expect(mcq).toHaveLength(6);
    expect(summary.draftsByKind.mcq).toBe(deck.cards.filter((c) => c.kind === 'mcq').length);
    for (const q of mcq) {
      expect(q.options).toHaveLength(4);
      expect(q).toMatchObject({ needsAnswerKey: true, correct: [], answer: '' });
      expect(q.options?.every((o) => !/^[A-D][.)]/.test(o))).toBe(true);
    }
    expect(mcq.map((q) => sectionHeading(q.section))).toEqual([
      'Exam Questions', 'Exam Questions', 'ECS + EKS Exam Questions', 'ECS + EKS Exam Questions',
      'Serverless Exam Questions', 'Serverless Exam Questions',
    ]);
    const ecs = mcq[2];
    expect(ecs.prompt).toMatch(/^A company is running a microservices application using Amazon ECS\./);
    expect(ecs.prompt).toMatch(/\nWhich ECS launch type should they choose\?$/);
    expect(ecs.options).toEqual(['Fargate', 'Fargate Spot', 'EC2', 'App Runner']);
    expect(mcq[1].options?.[1]).toBe('Amazon Kinesis Data Firehose with Lambda transformation and delivery to S3');
  });

  it('drafts at least one card in every section, without warnings', () => {
    expect(summary.warnings).toEqual([]);
    for (const s of AWS_SECTIONS) expect(summary.draftsBySection[s], s).toBeGreaterThanOrEqual(1);
    const perSection = new Map<string, number>();
    for (const c of deck.cards) perSection.set(sectionHeading(c.section), (perSection.get(sectionHeading(c.section)) ?? 0) + 1);
    expect([...perSection.keys()]).toEqual(AWS_SECTIONS);
  });

  it('clozes numbers, limits, durations and sizes', () => {
    const hidden = deck.cards.filter((c) => c.kind === 'cloze').flatMap((c) => clozeDeletions(c.prompt).map((d) => d.text));
    for (const fact of ['256 KB', '14 days', '300 messages per second', '20 seconds', '15 minutes', '128 MB', '10 GB', '35 days', '24 hours', '1 MB/sec']) {
      expect(hidden).toContain(fact);
    }
    const size = deck.cards.find((c) => c.prompt.includes('{{c1::256 KB}}'));
    expect(size).toMatchObject({ section: 'AWS › Producing + Consuming from SQS', answer: 'Producing (Sending Messages): Each message can be up to 256 KB in size.' });
  });

  it('turns "Term: definition" bullets and definitions into basic cards', () => {
    const basic = deck.cards.filter((c) => c.kind === 'basic');
    expect(basic).toContainEqual(expect.objectContaining({ prompt: 'In Encryption, what is At rest?', answer: 'Messages are encrypted using AWS KMS (SSE-SQS).' }));
    expect(basic).toContainEqual(expect.objectContaining({ prompt: 'What is Task Definition?', section: 'AWS › ECS Overview' }));
    expect(basic).toContainEqual(expect.objectContaining({ prompt: 'What is Amazon SQS (Simple Queue Service)?' }));
    expect(basic).toContainEqual(expect.objectContaining({ prompt: 'What are User Pools?', answer: 'Who you are' }));
    expect(basic).toContainEqual(expect.objectContaining({ prompt: 'What are Identity Pools?', answer: 'What you can access' }));
    expect(basic).toContainEqual(expect.objectContaining({ prompt: 'What are the key points of Amazon SQS?' }));
    // why: every basic prompt is a question or an instruction, never a bare label.
    for (const c of basic) expect(c.prompt, c.key).toMatch(/[?.]$/);
  });

  it('skips use-case scenarios', () => {
    expect(deck.cards.some((c) => c.prompt.includes('ride-sharing company'))).toBe(false);
  });

  it('produces a deck file that parses back unchanged, with unique readable ids', () => {
    const parsed = parseDeckFile(serializeDeck(deck));
    expect(parsed.errors).toEqual([]);
    expect(parsed.deck).toStrictEqual(deck);
    expect(new Set(deck.cards.map((c) => c.key)).size).toBe(deck.cards.length);
    expect(deck.cards.every((c) => /^[a-z0-9-]+$/.test(c.key))).toBe(true);
    expect(deck).toMatchObject({ id: 'aws', title: 'AWS', source: 'aws-study-notes.txt' });
  });

  it('is deterministic', () => {
    expect(build(notes, { id: 'aws', title: 'AWS', source: 'aws-study-notes.txt' })).toEqual(result);
  });

  it('formats a summary for the CLI', () => {
    const text = formatBuildSummary(summary);
    expect(text.split('\n')[0]).toBe('43 section(s):');
    expect(text).toContain(`mcq ${deck.cards.filter((c) => c.kind === 'mcq').length}`);
  });
});

describe('builder on other documents', () => {
  it('uses Markdown headings, a single # as the title, and files ### under the full heading path', () => {
    const md = [
      '# Messaging',
      'Intro text.',
      '## Queues',
      '- **Visibility timeout**: hides a received message for a while.',
      '- Messages are kept up to 14 days.',
      '### FIFO',
      '- Strict ordering – messages arrive in the order sent.',
      '',
      '## Topics',
      'SNS is a pub/sub service for fan-out.',
    ].join('\n');
    const r = build(md);
    expect(r.deck.title).toBe('Messaging');
    expect(r.summary.sections).toEqual(['Queues', 'Queues › FIFO', 'Topics']);
    expect(listSections(md)).toEqual(['Queues', 'Queues › FIFO', 'Topics']);
    expect(r.deck.cards.map((c) => [c.kind, c.prompt, c.section])).toEqual([
      ['basic', 'What does Visibility timeout do?', 'Messaging › Queues'],
      ['cloze', 'Messages are kept up to {{c1::14 days}}.', 'Messaging › Queues'],
      ['basic', 'What is Strict ordering?', 'Messaging › Queues › FIFO'],
      ['basic', 'What is SNS?', 'Messaging › Topics'],
    ]);
    expect(r.summary.warnings).toEqual(['line 2: 1 line(s) before the first heading were not used']);
  });

  it('treats several # headings as sections and ignores # inside code fences', () => {
    const md = '# One\n\nThe limit is 10 GB.\n\n```\n# not a heading\n```\n\n# Two\n\nRetention is 7 days.\n';
    expect(listSections(md)).toEqual(['One', 'Two']);
  });

  it('reads exam questions in "A)", "a)" and "- A." styles, and an answer line', () => {
    const text = [
      'Practice',
      '',
      'Which service queues messages?',
      'A) SNS',
      'B) SQS',
      'C) Kinesis',
      'D) MQ',
      'Answer: B',
      '',
      'Which is pub/sub?',
      '',
      'a) SQS',
      'b) SNS',
      'c) Glue',
      '',
      'Which streams data?',
      '- A. Kinesis',
      '- B. S3',
    ].join('\n');
    const r = build(text);
    const mcq = r.deck.cards.filter((c) => c.kind === 'mcq' && c.key.includes('-q-'));
    expect(mcq.map((q) => [q.prompt, q.options, q.correct, q.answer, q.needsAnswerKey])).toEqual([
      ['Which service queues messages?', ['SNS', 'SQS', 'Kinesis', 'MQ'], [1], 'SQS', undefined],
      ['Which is pub/sub?', ['SQS', 'SNS', 'Glue'], [], '', true],
      ['Which streams data?', ['Kinesis', 'S3'], [], '', true],
    ]);
    expect(r.summary.warnings).toEqual(['line 10: exam question has 3 options, not 4', 'line 16: exam question has 2 options, not 4']);
  });

  it('treats non-breaking-space lines as blank lines', () => {
    const text = '\u00a0\nFirst Topic\n\u00a0\n- Retention: up to 14 days.\n\u00a0 \nSecond Topic\n\n- Size: up to 256 KB.\n';
    expect(listSections(text)).toEqual(['First Topic', 'Second Topic']);
  });

  it('gives a section of plain prose one card about its heading, and warns about sections that yield none', () => {
    const prose = build('Alpha\n\nsome lowercase words without facts\n\nBeta\n\nThe limit is 50 MB.\n');
    expect(prose.deck.cards[0]).toMatchObject({ kind: 'basic', prompt: 'What is Alpha?', answer: 'Some lowercase words without facts', section: 'Draft deck › Alpha' });
    const r = build('Alpha\n\nok then\n\nBeta\n\nThe limit is 50 MB.\n');
    expect(r.summary.warnings).toEqual(["line 1: section 'Alpha' produced no drafts"]);
    expect(r.summary.draftsByKind).toEqual({ basic: 0, cloze: 1, mcq: 0, multi: 0, tf: 0, type: 0 });
  });
});

describe('builder on bad input', () => {
  const error = (input: string | Uint8Array, options = {}) => {
    const r = buildDeck(input, options);
    return r.ok ? null : r.error;
  };

  it('rejects empty and blank documents', () => {
    expect(error('')).toBe('the file is empty');
    expect(error(' \n\u00a0\n\t\n')).toBe('the file is empty');
    expect(error(new Uint8Array())).toBe('the file is empty');
  });

  it('rejects binary data', () => {
    expect(error('Heading\n\nfact\u0000')).toMatch(/binary file \(it contains NUL bytes\)/);
    expect(error(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toMatch(/NUL bytes/);
    const noise = String.fromCharCode(...Array.from({ length: 200 }, (_, i) => 1 + (i % 7)));
    expect(error(`Title\n\n${noise}`)).toMatch(/mostly non-printable/);
    expect(error(new Uint8Array(Array.from({ length: 300 }, (_, i) => 0x80 + (i % 60))))).toMatch(/mostly non-printable/);
  });

  it('rejects documents over 2 MiB, stating the limit in exact bytes', () => {
    const big = `Heading\n\n${'x'.repeat(2 * 1024 * 1024)}`;
    expect(error(big)).toBe('the file is 2,097,161 bytes; the limit is 2,097,152 bytes (2 MiB)');
    expect(error(new Uint8Array(2 * 1024 * 1024 + 1).fill(0x61))).toBe('the file is 2,097,153 bytes; the limit is 2,097,152 bytes (2 MiB)');
  });

  it('rejects documents with nothing to draft, and bad deck ids', () => {
    expect(error('just one long paragraph of text that goes on and on.\nand another line.')).toMatch(/^no card could be drafted/);
    expect(error('Heading\n\nThe limit is 50 MB.\n', { id: 'Not OK' })).toBe("deck id 'Not OK' may only hold a-z, 0-9 and '-'");
  });
});

describe('fact helpers', () => {
  it('finds numbers with their units', () => {
    expect(numericTargets('Lower throughput – 300 messages per second (or 3000 with batching).')).toEqual(['300 messages per second', '3000']);
    expect(numericTargets('1 MB/sec write throughput (or 1000 records/sec)')).toEqual(['1 MB/sec', '1000 records/sec']);
    expect(numericTargets('Concurrency: 1,000 (soft limit per region)')).toEqual(['1,000']);
    expect(numericTargets('up to 10x faster, 99.9% of the time')).toEqual(['10x', '99.9%']);
    expect(numericTargets('S3, EC2 and PCI-DSS have 2 parts')).toEqual([]);
  });

  it('splits term/definition pairs but not generic terms or sentences', () => {
    expect(termDefinition('IAM Policies: Control who can publish.')).toEqual({ term: 'IAM Policies', definition: 'Control who can publish.' });
    expect(termDefinition('Strict ordering – messages are processed once.')).toEqual({ term: 'Strict ordering', definition: 'messages are processed once.' });
    expect(termDefinition('Use case: General-purpose apps.')).toBeNull();
    expect(termDefinition('once a message is received: it hides')).toBeNull();
  });
});

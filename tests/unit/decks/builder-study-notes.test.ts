import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '@/core/decks/builder';
import type { CardData } from '@/core/decks/card-types';
import { clozeDeletions } from '@/core/decks/cloze';
import { ROOT_DIR } from './notes-fixture';

/** Public, licensed study notes (see SOURCES.md there), read in place: CI clones the repo with shared/ beside it. */
const NOTES_DIR = path.resolve(ROOT_DIR, '../shared/study-notes');
const read = (name: string) => readFileSync(path.join(NOTES_DIR, name));

function build(input: string | Uint8Array, title?: string) {
  const r = buildDeck(input, { id: 'notes', title });
  if (!r.ok) throw new Error(r.error);
  return r;
}

/** Broken-card checks that apply to any document. */
function expectNoBrokenCards(cards: CardData[]): void {
  for (const c of cards) {
    const where = `${c.key}: ${c.prompt}`;
    // A cloze never cuts inside a number ("1,{{c1::25}},00,000") or a word.
    for (const m of c.prompt.matchAll(/\{\{c\d+::(.*?)\}\}/g)) {
      const at = m.index ?? 0;
      const before = c.prompt[at - 1] ?? ' ';
      const after = c.prompt[at + m[0].length] ?? ' ';
      expect(before, where).not.toMatch(/[\p{L}\p{N},.]/u);
      expect(after, where).not.toMatch(/[\p{L}\p{N}]|[,.]\d/u);
    }
    if (c.kind === 'cloze') {
      expect(clozeDeletions(c.prompt).length, where).toBeGreaterThan(0);
      // A cloze leaves something to read: it never hides the whole statement.
      expect(c.prompt.replace(/\{\{c\d+::.*?\}\}/g, '').trim().length, where).toBeGreaterThan(3);
    }
    // Prompts are never split inside parentheses.
    const open = (c.prompt.match(/\(/g) ?? []).length;
    const close = (c.prompt.match(/\)/g) ?? []).length;
    expect(open, where).toBe(close);
    // Basic prompts are questions or instructions, never a bare label; no markup leaks through.
    if (c.kind === 'basic') expect(c.prompt, where).toMatch(/[?.]$/);
    expect(`${c.prompt} ${c.answer}`, where).not.toMatch(/```|<\/?(?:sup|sub|details|summary|def)\b|\[!NOTE\]|^!!!/);
  }
}

describe('builder on the public practice exam (aws-ccp-practice-exam-12.md)', () => {
  const r = build(read('aws-ccp-practice-exam-12.md'));
  const questions = r.deck.cards.filter((c) => c.kind === 'mcq' || c.kind === 'multi');
  // The answer key as SOURCES.md records it (checked by hand against each "Correct answer:" line).
  const key = new Map(
    [...readFileSync(path.join(NOTES_DIR, 'SOURCES.md'), 'utf8').matchAll(/^\| (\d+) \| ([A-E](?:, [A-E])*) \|/gm)].map((m) => [Number(m[1]), m[2].split(', ')]),
  );

  it('keys all 42 questions from their "Correct answer:" lines, 12 of them multi-select', () => {
    expect(key.size).toBe(42);
    expect(questions).toHaveLength(42);
    expect(questions.filter((q) => q.needsAnswerKey)).toEqual([]);
    expect(questions.filter((q) => q.kind === 'multi')).toHaveLength(12);
    questions.forEach((q, i) => {
      const letters = (q.correct ?? []).map((k) => 'ABCDE'[k]);
      expect(letters, `Q${i + 1}: ${q.prompt}`).toEqual(key.get(i + 1));
    });
  });

  it('keeps the stems clean (no question numbers) and turns no answer line into a card of its own', () => {
    expect(questions[0].prompt).toMatch(/^Which of the following components of the AWS Global Infrastructure/);
    for (const q of questions) expect(q.prompt).not.toMatch(/^\d+\./);
    expect(r.deck.cards.some((c) => /correct answer|<details/i.test(`${c.prompt} ${c.answer}`))).toBe(false);
    expect(r.deck.cards).toHaveLength(42);
  });
});

describe('builder on public notes with nested headings and code (kcna-observability-notes.md)', () => {
  const r = build(read('kcna-observability-notes.md'));

  it('files cards under the full heading path, numbered and nested headings included', () => {
    const sections = new Set(r.deck.cards.map((c) => c.section));
    expect(sections).toContain('Observability › Key Topics › The Three Pillars of Observability › Metrics');
    expect(sections).toContain('Observability › Key Topics › Prometheus › Metrics Types');
    expect(sections).toContain('Observability › Key Topics › Grafana › Overview');
    expect(r.deck.cards.find((c) => c.prompt === 'What is Counter?')).toMatchObject({
      answer: 'Cumulative value that only increases',
      section: 'Observability › Key Topics › Prometheus › Metrics Types',
    });
  });

  it('gives every heading with prose or bullets at least one card, and reads nothing inside code blocks', () => {
    const empty = Object.entries(r.summary.draftsBySection).filter(([, n]) => n === 0);
    expect(empty).toEqual([]);
    expect(r.summary.sections.length).toBeGreaterThanOrEqual(25);
    expect(r.deck.cards.some((c) => /REQUEST_COUNT|scrape_interval|trace\.get_tracer|"timestamp"/.test(`${c.prompt} ${c.answer}`))).toBe(false);
    expect(r.summary.sections.some((s) => /Prometheus Configuration|Grafana Dashboard JSON/.test(s))).toBe(false);
  });

  it('makes multiple choice from sibling facts of the same list, never with a second correct answer', () => {
    const counter = r.deck.cards.find((c) => c.kind === 'mcq' && c.prompt === 'Which one is described as: “Cumulative value that only increases”?');
    expect(counter).toBeDefined();
    expect([...(counter!.options ?? [])].sort()).toEqual(['Counter', 'Gauge', 'Histogram', 'Summary']);
    expect(counter!.options![counter!.correct![0]]).toBe('Counter');
    const red = r.deck.cards.find((c) => c.kind === 'mcq' && c.prompt.includes('“Requests per second”'));
    expect(red).toBeUndefined(); // the RED method lists only three facts: too few siblings for four options
    const choices = r.deck.cards.filter((c) => c.kind === 'mcq');
    expect(choices.length).toBeGreaterThanOrEqual(12);
    const definitions = new Map(r.deck.cards.filter((c) => c.kind === 'basic').map((c) => [c.answer, c.prompt]));
    for (const q of choices) {
      expect(new Set(q.options).size, q.prompt).toBe(4);
      expect(q.correct, q.prompt).toHaveLength(1);
      // The defined term is the only option whose own fact carries this definition.
      const described = /“(.+)”/.exec(q.prompt)?.[1] ?? '';
      expect(definitions.get(described), q.prompt).toMatch(new RegExp(q.answer.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    }
  });

  it('asks real questions about term/definition bullets, with the label they sit under', () => {
    const prompts = r.deck.cards.map((c) => c.prompt);
    expect(prompts).toContain('In RED Method (for services), what is Rate?');
    expect(prompts).toContain('What does Prometheus Server do?');
    expect(prompts).toContain('What does “Use structured logging” involve?');
    expectNoBrokenCards(r.deck.cards);
  });
});

describe('builder on public notes with tables and callouts (cks-security-callouts-tables.md)', () => {
  const r = build(read('cks-security-callouts-tables.md'));

  it('reads table rows as facts and callout text as prose', () => {
    expect(r.deck.cards.find((c) => c.prompt === 'What is Cluster?')).toMatchObject({ answer: 'Kubernetes cluster' });
    expect(r.deck.cards.find((c) => c.prompt === 'What is Seccomp?')).toMatchObject({ answer: 'Secure Computing' });
    expect(r.deck.cards.some((c) => c.prompt.includes('{{c1::/var/lib/kubelet/seccomp}}'))).toBe(true);
    expectNoBrokenCards(r.deck.cards);
  });

  it('skips headings that hold only an image', () => {
    expect(r.summary.sections).not.toContain('Pod Decision Tree');
  });
});

describe('builder on notes in the shapes real notes take (written for this test)', () => {
  const NOTES = [
    '---',
    'title: Messaging notes',
    '---',
    '# Messaging',
    '',
    '## 1. 📨 Queues',
    '',
    '!!! note "Remember"',
    '    The default visibility timeout is 30 seconds.',
    '',
    '### 1.1 FIFO queues',
    '',
    '::: warning',
    'FIFO queues handle 300 messages per second (3,000 with batching).',
    ':::',
    '',
    '> [!NOTE]',
    '> A batch holds up to 10 messages (e.g. SendMessageBatch. It saves calls).',
    '',
    '| Queue type | Ordering | Delivery |',
    '| --- | --- | --- |',
    '| Standard | Best effort | At least once |',
    '| FIFO | Strict | Exactly once |',
    '',
    '## 2. 🚀 Streams',
    '',
    'A shard ingests up to 1 MB/sec. A stream can hold 1,25,00,000 records in the Indian grouping.',
    '',
    '## Practice',
    '',
    'Q1. Which service queues messages?',
    '',
    'A) SNS',
    'B) SQS',
    'C) Kinesis',
    'D) MQ',
    '',
    '**Answer:** B',
    'Explanation: SQS is the queue; SNS fans out.',
    '',
    '2. Which are streaming services? (Choose two)',
    '- a. Kinesis Data Streams',
    '- b. SQS',
    '- c. MSK',
    '- d. SES',
    '',
    'Ans: a, c',
    '',
    '3. Which service sends email?',
    'a) SES',
    'b) SNS',
    'c) SQS',
    '',
    '4. Which is serverless compute?',
    'A. EC2',
    'B. Lambda',
    'C. EBS',
    '',
    '5. Which holds objects?',
    'A. S3',
    'B. EFS',
    'C. RDS',
    '',
    '## Answer key',
    '',
    '| Question | Answer |',
    '| --- | --- |',
    '| 4 | B |',
    '| 5 | A |',
  ].join('\n');
  const r = build(NOTES);
  const card = (prompt: RegExp) => r.deck.cards.find((c) => prompt.test(c.prompt));

  it('drops front matter, reads admonitions, strips heading numbers and emoji, files under the full path', () => {
    expect(r.deck.title).toBe('Messaging');
    expect(card(/visibility timeout/)).toMatchObject({ kind: 'cloze', prompt: 'The default visibility timeout is {{c1::30 seconds}}.', section: 'Messaging › Queues' });
    expect(card(/FIFO queues handle/)).toMatchObject({ section: 'Messaging › Queues › FIFO queues' });
    expect(card(/FIFO queues handle/)?.prompt).toContain('{{c1::300 messages per second}}');
    expect(card(/batch holds/)?.prompt).toBe('A batch holds up to {{c1::10}} messages (e.g. SendMessageBatch. It saves calls).');
  });

  it('reads table rows with their column headers', () => {
    expect(card(/^What is Standard\?$/)).toMatchObject({ answer: 'Ordering: Best effort; Delivery: At least once' });
  });

  it('clozes whole numbers only', () => {
    const stream = card(/records/);
    expect(stream?.prompt).toContain('{{c1::1,25,00,000}}');
    expectNoBrokenCards(r.deck.cards);
  });

  it('keys questions from "**Answer:** B", "Ans: a, c" and an answer table, keeps the explanation, flags the rest', () => {
    expect(card(/queues messages/)).toMatchObject({ kind: 'mcq', correct: [1], answer: 'SQS', explanation: 'SQS is the queue; SNS fans out.' });
    expect(card(/streaming services/)).toMatchObject({ kind: 'multi', correct: [0, 2], answer: 'Kinesis Data Streams; MSK' });
    expect(card(/sends email/)).toMatchObject({ kind: 'mcq', needsAnswerKey: true, correct: [] });
    expect(card(/serverless compute/)).toMatchObject({ kind: 'mcq', correct: [1], answer: 'Lambda' });
    expect(card(/holds objects/)).toMatchObject({ kind: 'mcq', correct: [0], answer: 'S3' });
    expect(r.deck.cards.some((c) => /Answer:|Ans:|^\| ?4/.test(c.prompt))).toBe(false);
  });

  it('reads HTML notes through their headings, lists and tables, never keeping script text', () => {
    const html = build(
      '<!doctype html><html><head><title>x</title><script>alert("x")</script></head><body>' +
        '<h1>Storage</h1><h2>S3 limits</h2><p>An object can be up to <b>5 TB</b> in size.</p>' +
        '<h2>Terms</h2><ul><li><strong>Bucket</strong>: a container for objects</li><li><strong>Key</strong>: the name of an object</li></ul>' +
        '</body></html>',
    );
    expect(html.deck.cards.map((c) => [c.prompt, c.section])).toEqual([
      ['An object can be up to {{c1::5 TB}} in size.', 'Storage › S3 limits'],
      ['What is Bucket?', 'Storage › Terms'],
      ['What is Key?', 'Storage › Terms'],
    ]);
    expect(JSON.stringify(html.deck)).not.toContain('alert');
  });
});

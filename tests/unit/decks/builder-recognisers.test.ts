import { describe, expect, it } from 'vitest';
import { ankiFieldText, clozeForNumber, mediaRefs } from '@/core/decks/anki-notes';
import { cardToAnkiNote } from '@/core/decks/anki-export-notes';
import { findAnswerKey } from '@/core/decks/builder-answer-key';
import { unwrapBlocks } from '@/core/decks/builder-blocks';
import { siblingChoices } from '@/core/decks/builder-choices';
import { findExamQuestions } from '@/core/decks/builder-exam';
import { askAbout, numericTargets } from '@/core/decks/builder-facts';
import { normalizeLines, sentences } from '@/core/decks/builder-text';
import { htmlToText, looksLikeHtml } from '@/core/decks/html-text';

const lines = (text: string) => normalizeLines(text);
const texts = (text: string) => unwrapBlocks(lines(text)).map((l) => l.text);

describe('exam question keys', () => {
  const question = (key: string) => `Which one?\nA. one\nB. two\nC. three\nD. four\n${key}\n`;
  it.each([
    ['Answer: B', [1]],
    ['Ans: d', [3]],
    ['Correct answer: C', [2]],
    ['**Answer:** B', [1]],
    ['**Correct answer**: A', [0]],
    ['Correct answers: B, D', [1, 3]],
    ['Answer: (A) and (C)', [0, 2]],
    ['<details><summary>Answer</summary>\n  Correct answer: D\n</details>', [3]],
  ])('reads %j', (key, correct) => {
    const [q] = findExamQuestions(lines(question(key)));
    expect(q.correct).toEqual(correct);
  });

  it('does not read a letter past the last option, nor prose that starts with "Answer"', () => {
    expect(findExamQuestions(lines(question('Answer: F')))[0].correct).toBeUndefined();
    expect(findExamQuestions(lines(question('Answering this needs care.')))[0].correct).toBeUndefined();
  });

  it('keeps the explanation lines after the key, and the question number', () => {
    const [q] = findExamQuestions(lines(`12. ${question('Answer: A\nExplanation: one is first.\nIt really is.')}`));
    expect(q).toMatchObject({ number: 12, stem: 'Which one?', correct: [0], explanation: 'one is first.\nIt really is.' });
  });

  it('reads answer tables and lists under an answers heading, and nothing elsewhere', () => {
    const key = findAnswerKey(lines('## Answers\n\n| Q | Answer |\n|---|---|\n| 1 | B |\n| 2 | A, C |\n\n## Other\n\n3. B\n4. C\n'));
    expect([...key.byNumber]).toEqual([[1, [1]], [2, [0, 2]]]);
    const list = findAnswerKey(lines('Answer key:\n1. b\n2) d\n3 - a\n'));
    expect([...list.byNumber]).toEqual([[1, [1]], [2, [3]], [3, [0]]]);
    expect(findAnswerKey(lines('1. B\n2. C\n')).byNumber.size).toBe(0);
  });
});

describe('blocks around facts', () => {
  it('unwraps admonitions, callouts and quotes, drops front matter and code, turns table rows into facts', () => {
    const out = texts(
      ['---', 'layout: notes', '---', '!!! tip "Remember"', '    Keep it short.', '::: warning', 'Mind the limit.', ':::', '> [!NOTE]', '> Quoted text.', '> [!TIP] Same line.', '```yaml', '# not a heading', '```', '| Term | Meaning |', '|---|---|', '| SQS | Queue |', '<def>FIFO: first in, first out</def>'].join('\n'),
    );
    expect(out).toEqual(['Keep it short.', 'Mind the limit.', 'Quoted text.', 'Same line.', '- SQS: Queue', '- FIFO: first in, first out']);
  });

  it('reads HTML structure and drops scripts, styles and comments', () => {
    const html = '<html><body><h2>Limits</h2><!-- hidden --><style>p{}</style><p>Up to <b>5 TB</b>.</p><ul><li>One</li><li>Two</li></ul><table><tr><td>A</td><td>B</td></tr></table><script>x()</script></body></html>';
    expect(looksLikeHtml(html)).toBe(true);
    expect(looksLikeHtml('Use the <b> tag for bold.')).toBe(false);
    expect(htmlToText(html)).toBe('## Limits\n\nUp to **5 TB**.\n\n- One\n- Two\n\n| A | B |');
  });
});

describe('facts', () => {
  it('finds whole numbers with units, never part of a grouped number or a version', () => {
    expect(numericTargets('up to 1,25,00,000 records')).toEqual(['1,25,00,000']);
    expect(numericTargets('version 1.5.2 ships 300 messages per second')).toEqual(['300 messages per second']);
    expect(numericTargets('3,000 with batching, 14 days')).toEqual(['3,000', '14 days']);
  });

  it('splits sentences outside parentheses and after abbreviations only where a sentence ends', () => {
    expect(sentences('Queues (e.g. SQS. They decouple) hold messages. Topics fan out.')).toEqual([
      'Queues (e.g. SQS. They decouple) hold messages.',
      'Topics fan out.',
    ]);
  });

  it('asks a question that fits the definition', () => {
    expect(askAbout('Prometheus Server', 'Scrapes and stores metrics', [])).toBe('What does Prometheus Server do?');
    expect(askAbout('Exporters', 'Expose metrics', [])).toBe('What are Exporters?');
    expect(askAbout('Rate', 'Requests per second', ['RED Method'])).toBe('In RED Method, what is Rate?');
    expect(askAbout('Use structured logging', 'JSON format', [])).toBe('What does “Use structured logging” involve?');
    expect(askAbout('Strict ordering', 'messages arrive in order', [])).toBe('What is Strict ordering?');
  });

  it('builds choices from four or more siblings, leaving out siblings that share a definition', () => {
    const fact = (term: string, definition: string) => ({ term, definition, group: 'Types', section: 'T › S', keyPrefix: 's' });
    const cards = siblingChoices(
      [fact('Counter', 'Only goes up'), fact('Gauge', 'Goes up or down'), fact('Histogram', 'Buckets'), fact('Summary', 'Quantiles'), fact('Meter', 'Goes up or down'), fact('Timer', 'Durations')],
      new Set(),
    );
    expect(cards.map((c) => c.answer)).toEqual(['Counter', 'Histogram', 'Summary', 'Timer']);
    expect(siblingChoices([fact('A', '1'), fact('B', '2'), fact('C', '3')], new Set())).toEqual([]);
    for (const c of cards) {
      expect(c.options).toHaveLength(4);
      expect(c.options).not.toContain('Gauge');
      expect(c.options).not.toContain('Meter');
      expect(c.options![c.correct![0]]).toBe(c.answer);
    }
  });
});

describe('Anki fields', () => {
  it('turns field HTML into safe text and lists media', () => {
    const html = '<div>Line one</div><div>Line&nbsp;two <img src="a.png"></div>[sound:b.mp3]<script>alert(1)</script><style>x</style>';
    expect(ankiFieldText(html)).toBe('Line one\nLine two');
    expect(mediaRefs(html)).toEqual(['a.png', 'b.mp3']);
  });

  it('asks one cloze number at a time, revealing the others', () => {
    const text = '{{c1::Paris}} is the capital of {{c2::France::country}}.';
    expect(clozeForNumber(text, 1)).toBe('{{c1::Paris}} is the capital of France.');
    expect(clozeForNumber(text, 2)).toBe('Paris is the capital of {{c1::France::country}}.');
  });

  it('exports choice cards as Basic notes with lettered options, escaping HTML', () => {
    const deck = { id: 'd', title: 'Deck', description: '', cards: [] };
    const note = cardToAnkiNote(deck, { key: 'k', kind: 'multi', prompt: 'Pick <two>', answer: 'a; c', options: ['a', 'b', 'c'], correct: [0, 2], section: 'Deck › Part' });
    expect(note).toMatchObject({ model: 'basic', deckName: 'Deck::Part', fields: ['Pick &lt;two&gt;<br>A. a<br>B. b<br>C. c', 'A. a<br>C. c'] });
  });
});

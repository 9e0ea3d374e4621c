import { describe, expect, it } from 'vitest';
import type { DeckData } from '@/core/decks/card-types';
import { importAnki, stripHtml } from '@/core/decks/anki-import';
import { parseDeckFile, serializeDeck } from '@/core/decks/deck-file';
import { toExportCsv } from '@/core/decks/deck-export';

const OPTS = { deckId: 'imported', title: 'Imported' };

function ok(text: string, options = {}) {
  const r = importAnki(text, { ...OPTS, ...options });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
}

describe('importAnki', () => {
  it('imports a TSV with Anki headers into basic cards with tags', () => {
    const text = '#separator:Tab\n#html:false\n#columns:Front\tBack\tTags\nWhat is SQS?\tA queue\tsqs aws\nMax size?\t256 KB\t\n';
    const r = ok(text);
    expect(r.warnings).toEqual([]);
    expect(r.deck).toMatchObject({ id: 'imported', title: 'Imported', description: '' });
    expect(r.deck.cards).toEqual([
      { key: expect.stringMatching(/^what-is-sqs-[a-z0-9]{6}$/), kind: 'basic', prompt: 'What is SQS?', answer: 'A queue', section: 'Imported', tags: ['sqs', 'aws'] },
      { key: expect.stringMatching(/^max-size-[a-z0-9]{6}$/), kind: 'basic', prompt: 'Max size?', answer: '256 KB', section: 'Imported' },
    ]);
  });

  it('generates the same keys for the same fronts and distinct keys for duplicates', () => {
    const a = ok('Front one,Back\nFront two,Back\n').deck.cards.map((c) => c.key);
    const b = ok('Front one,Other back\nFront two,Back\nFront one,Again\n').deck.cards.map((c) => c.key);
    expect(b[0]).toBe(a[0]);
    expect(b[1]).toBe(a[1]);
    expect(b[2]).toBe(`${a[0]}-2`);
    expect(new Set(b).size).toBe(3);
  });

  it('honours named and literal separators, a BOM and columns in another order', () => {
    expect(ok('\uFEFF#separator:Semicolon\nq;a\n').deck.cards[0]).toMatchObject({ prompt: 'q', answer: 'a' });
    expect(ok('#separator:Pipe\nq|a\n').deck.cards[0]).toMatchObject({ prompt: 'q', answer: 'a' });
    expect(ok('#separator:Comma\nq,"a, b"\n').deck.cards[0]).toMatchObject({ prompt: 'q', answer: 'a, b' });
    expect(ok('#separator:~\nq~a\n').deck.cards[0]).toMatchObject({ prompt: 'q', answer: 'a' });
    const r = ok('#separator:tab\n#columns:Tags\tBack\tFront\nt1 t2\tthe back\tthe front\n');
    expect(r.deck.cards[0]).toMatchObject({ prompt: 'the front', answer: 'the back', tags: ['t1', 't2'] });
  });

  it('honours #tags column and #tags, and reads quoted multi-line fields', () => {
    const text = '#separator:Comma\n#tags column:1\n#tags:global\nexam,"Line one\nline two","Answer with ""quotes"""\n';
    const card = ok(text).deck.cards[0];
    expect(card).toMatchObject({ prompt: 'Line one\nline two', answer: 'Answer with "quotes"', tags: ['global', 'exam'] });
  });

  it('strips HTML when #html:true', () => {
    const card = ok('#separator:Tab\n#html:true\n<b>Bold</b> &amp; more\tline<br>next &lt;x&gt;\n').deck.cards[0];
    expect(card).toMatchObject({ prompt: 'Bold & more', answer: 'line\nnext <x>' });
    expect(ok('#separator:Tab\n#html:false\n<b>B</b>\tx\n').deck.cards[0].prompt).toBe('<b>B</b>');
    expect(stripHtml('a&nbsp;b&#39;s &#x41;')).toBe("a b's A");
  });

  it('sniffs the separator and uses the file option when there is no header', () => {
    expect(ok('q\ta, with comma\n').deck.cards[0]).toMatchObject({ prompt: 'q', answer: 'a, with comma' });
    expect(ok('q;a\n', { separator: ';' }).deck.cards[0]).toMatchObject({ prompt: 'q', answer: 'a' });
  });

  it('keeps the good rows and lists each bad row with its line and reason', () => {
    const r = importAnki('#separator:Tab\nok\tfine\n\tno front\nno back\t\nonly one column\nalso\tgood\n', OPTS);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.deck.cards.map((c) => c.prompt)).toEqual(['ok', 'also']);
    expect(r.rowErrors).toEqual([
      { line: 3, message: 'row has no front (question) text' },
      { line: 4, message: 'row has no back (answer) text' },
      { line: 5, message: 'row has no back (answer) text' },
    ]);
  });

  it('reports bad headers, options and empty files', () => {
    const bad = importAnki('#separator:Nope\n#tags column:zero\nq,a\n', OPTS);
    expect(bad.ok ? [] : bad.errors.map((e) => e.line)).toEqual([1, 2]);
    const badId = importAnki('q,a\n', { deckId: 'Bad Id', title: '' });
    expect(badId.ok ? [] : badId.errors.map((e) => e.message)).toEqual([
      "deck id 'Bad Id' may only hold a-z, 0-9 and '-'",
      'deck title is empty',
    ]);
    const allBad = importAnki('#separator:Tab\n\tno front\nno back\t\n', OPTS);
    expect(allBad.ok ? [] : allBad.errors.map((e) => e.message)).toEqual([
      'row has no front (question) text',
      'row has no back (answer) text',
      'no row could be imported',
    ]);
    const unbalanced = importAnki('Front,Back\ngood,row\n"unclosed,quote\nmore,rows\n', OPTS);
    expect(unbalanced.ok ? [] : unbalanced.errors).toEqual([{ line: 3, message: 'quoted field is never closed (unbalanced quotes): nothing was imported' }]);
    const empty = importAnki('#separator:Tab\n', OPTS);
    expect(empty.ok ? [] : empty.errors.map((e) => e.message)).toEqual(['the file holds no rows']);
    const noFront = importAnki('#separator:Tab\n#columns:Foo\tBar\nx\ty\n', OPTS);
    expect(noFront.ok).toBe(false);
    expect(importAnki('#deck:Default\n#weird:1\nq,a\n', OPTS).warnings).toEqual(["line 2: ignored unknown header '#weird'"]);
  });

  it('turns cloze fronts into cloze cards with Back Extra as explanation', () => {
    const cards = ok('#separator:Tab\nSQS keeps {{c1::14 days}}\t\nMax {{c1::256 KB}}\tper message\n').deck.cards;
    expect(cards[0]).toMatchObject({ kind: 'cloze', answer: 'SQS keeps 14 days' });
    expect(cards[0].explanation).toBeUndefined();
    expect(cards[1]).toMatchObject({ kind: 'cloze', answer: 'Max 256 KB', explanation: 'per message' });
  });

  it('produces a deck that serialises to a valid deck file', () => {
    const deck = ok('#separator:Tab\nq1\ta1\tt\nq2\ta2\t\n').deck;
    const parsed = parseDeckFile(serializeDeck(deck));
    expect(parsed.errors).toEqual([]);
    expect(parsed.deck).toStrictEqual(deck);
  });

  it('round-trips an exported CSV: same prompts, answers, sections and tags', () => {
    const deck: DeckData = {
      id: 'src',
      title: 'Source',
      description: '',
      cards: [
        { key: 'a', kind: 'basic', prompt: 'What is SQS, "really"?', answer: 'A queue,\nfully managed', section: 'SQS › Amazon SQS', tags: ['sqs'] },
        { key: 'b', kind: 'cloze', prompt: 'Up to {{c1::256 KB}}', answer: 'Up to 256 KB', section: 'SQS › Limits' },
        { key: 'c', kind: 'mcq', prompt: 'Pick', answer: '300', options: ['30', '300'], correct: [1], section: 'SQS › FIFO' },
      ],
    };
    const back = ok(toExportCsv([deck])).deck.cards;
    expect(back.map((c) => [c.prompt, c.answer, c.section, c.tags])).toEqual(deck.cards.map((c) => [c.prompt, c.answer, c.section, c.tags]));
  });
});

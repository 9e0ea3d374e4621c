import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '@/core/decks/builder';
import { MAX_PDF_BYTES, pdfToText } from '@/server/decks/pdf-text';
import { startDeckHarness, type Actor, type DeckHarness } from './harness';
import { makePdf } from './pdf-fixture';

const NOTES = [
  'Messaging notes',
  '',
  'Amazon SQS',
  '',
  'The default visibility timeout is 30 seconds.',
  'Messages are kept up to 14 days (the maximum retention).',
  '',
  'Amazon SNS',
  '',
  'SNS is a pub/sub service for fan-out to many subscribers.',
  '',
  'Practice',
  '',
  'Which service queues messages?',
  'A. SNS',
  'B. SQS',
  'C. Kinesis',
  'D. MQ',
  'Answer: B',
];

let h: DeckHarness;
let instructor: Actor;
let draft: Record<string, any>;
beforeAll(async () => {
  h = await startDeckHarness();
  instructor = await h.signUp('pdf@example.com', 'instructor');
  draft = await import('@/app/api/decks/builder/draft/route');
});
afterAll(async () => {
  await h?.close();
});

describe('PDF study documents (text layer through unpdf, offline)', () => {
  it('reads the text layer with its paragraphs, and the builder drafts from it', async () => {
    const pdf = await pdfToText(makePdf(NOTES));
    expect(pdf).toMatchObject({ ok: true, pages: 1 });
    if (!pdf.ok) return;
    expect(pdf.text.split('\n').slice(0, 5)).toEqual(['Messaging notes', '', 'Amazon SQS', '', 'The default visibility timeout is 30 seconds.']);
    const r = buildDeck(pdf.text, { title: 'Messaging' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // The title line stands alone too, so it reads as a (content-less) heading of its own.
    expect(r.summary.sections).toEqual(['Messaging notes', 'Amazon SQS', 'Amazon SNS', 'Practice']);
    expect(r.deck.cards.map((c) => [c.kind, c.prompt])).toEqual([
      ['cloze', 'The default visibility timeout is {{c1::30 seconds}}.'],
      ['cloze', 'Messages are kept up to {{c1::14 days}} (the maximum retention).'],
      ['basic', 'What is SNS?'],
      ['mcq', 'Which service queues messages?'],
    ]);
    expect(r.deck.cards[3]).toMatchObject({ correct: [1], answer: 'SQS' });
  });

  it('is accepted by the web builder as base64 data', async () => {
    const res = await h.call(draft.POST, 'POST', { actor: instructor, body: { data: makePdf(NOTES).toString('base64'), fileName: 'notes.pdf' } });
    expect(res.status).toBe(200);
    expect(res.json.summary.sections).toEqual(['Messaging notes', 'Amazon SQS', 'Amazon SNS', 'Practice']);
    expect(res.json.deck.source).toBe('notes.pdf');
  });

  it('refuses a PDF without text, a damaged PDF, a non-PDF and an oversized one with one clear message', async () => {
    expect(await pdfToText(makePdf([]))).toEqual({ ok: false, error: 'the PDF has no text layer (a scanned document?); export it as text or run OCR first' });
    const damaged = await pdfToText(Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog\nnot really a pdf'));
    expect(damaged.ok ? 'read' : damaged.error).toMatch(/^the PDF could not be read|^the PDF has no text layer/);
    expect(await pdfToText(Buffer.from('hello'))).toEqual({ ok: false, error: 'not a PDF file (it does not start with %PDF-)' });
    expect(await pdfToText(new Uint8Array(MAX_PDF_BYTES + 1))).toEqual({
      ok: false,
      error: 'the PDF is 16,777,217 bytes; the limit is 16,777,216 bytes (16 MiB)',
    });
    const res = await h.call(draft.POST, 'POST', { actor: instructor, body: { data: Buffer.from('hello').toString('base64') } });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toBe('Could not read the PDF: not a PDF file (it does not start with %PDF-).');
  });
});

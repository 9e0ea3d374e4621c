import { describe, expect, it } from 'vitest';
import { pdfPagesToText } from '@/core/decks/pdf-lines';

const run = (str: string, y: number, hasEOL = true) => ({ str, y, hasEOL });

describe('pdfPagesToText', () => {
  it('joins runs into lines and turns wide vertical gaps into blank lines', () => {
    const page = [run('Amazon ', 760, false), run('SQS', 760), run('Queues hold messages.', 732), run('They keep them 4 days.', 718), run('Limits', 690)];
    expect(pdfPagesToText([page])).toBe('Amazon SQS\n\nQueues hold messages.\nThey keep them 4 days.\n\nLimits\n');
  });

  it('separates pages with a blank line and drops empty pages', () => {
    expect(pdfPagesToText([[run('One', 700), run('two', 686)], [], [run('Three', 700)]])).toBe('One\ntwo\n\nThree\n');
  });

  it('uses the font size when a page has too few lines to know its line spacing', () => {
    expect(pdfPagesToText([[{ str: 'Limits', y: 760, hasEOL: true, size: 12 }, { str: 'Up to 256 KB.', y: 732, hasEOL: false, size: 12 }]])).toBe('Limits\n\nUp to 256 KB.\n');
    expect(pdfPagesToText([[{ str: 'One', y: 760, hasEOL: true, size: 12 }, { str: 'two', y: 746, hasEOL: false, size: 12 }]])).toBe('One\ntwo\n');
  });

  it('gives an empty text for a PDF without a text layer', () => {
    expect(pdfPagesToText([[], []]).trim()).toBe('');
  });
});

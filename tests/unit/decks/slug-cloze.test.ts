import { describe, expect, it } from 'vitest';
import { clozeAnswer, clozeDeletions, clozeFront, hasCloze, makeCloze } from '@/core/decks/cloze';
import { shortHash, slugify, uniqueKey } from '@/core/decks/slug';

describe('slug', () => {
  it('makes ASCII slugs cut at word boundaries', () => {
    expect(slugify('SQS Standard + FIFO')).toBe('sqs-standard-fifo');
    expect(slugify('Café & Crème — déjà vu')).toBe('cafe-and-creme-deja-vu');
    expect(slugify('Cognito User Pools vs Identity Pools – Comparison', 24)).toBe('cognito-user-pools-vs');
    expect(slugify('Supercalifragilisticexpialidocious', 10)).toBe('supercalif');
    expect(slugify('日本語')).toBe('');
  });

  it('hashes deterministically to six base-36 characters', () => {
    expect(shortHash('What is SQS?')).toBe(shortHash('What is SQS?'));
    expect(shortHash('What is SQS?')).not.toBe(shortHash('What is SNS?'));
    expect(shortHash('')).toMatch(/^[0-9a-z]{6}$/);
  });

  it('suffixes taken keys', () => {
    const taken = new Set<string>();
    expect([uniqueKey('a', taken), uniqueKey('a', taken), uniqueKey('a', taken)]).toEqual(['a', 'a-2', 'a-3']);
  });
});

describe('cloze', () => {
  const prompt = 'SQS keeps messages {{c1::14 days}}, each up to {{c1::256 KB::size}}.';

  it('reads deletions, front and back', () => {
    expect(clozeDeletions(prompt)).toEqual([{ index: 1, text: '14 days' }, { index: 1, text: '256 KB', hint: 'size' }]);
    expect(clozeAnswer(prompt)).toBe('SQS keeps messages 14 days, each up to 256 KB.');
    expect(clozeFront(prompt)).toBe('SQS keeps messages [...], each up to [size].');
    expect(hasCloze(prompt)).toBe(true);
    expect(hasCloze('{{c1::}} only empty')).toBe(false);
  });

  it('wraps targets outside existing deletions', () => {
    expect(makeCloze('10 GB then 10 GB again', ['10 GB', '10 GB'])).toBe('{{c1::10 GB}} then {{c1::10 GB}} again');
    expect(makeCloze('nothing here', ['absent'])).toBeNull();
  });
});

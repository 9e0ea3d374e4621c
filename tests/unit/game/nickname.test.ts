import { describe, expect, it } from 'vitest';
import { checkNickname, nicknameLength } from '@/core/game';

const cleaned = (raw: string) => {
  const r = checkNickname(raw);
  return r.ok ? r.nickname : null;
};

describe('nicknames (the same rule on the phone and the server)', () => {
  it('trims and collapses whitespace', () => {
    expect(cleaned('  Ada   Lovelace ')).toBe('Ada Lovelace');
  });

  it('turns full-width and other compatibility look-alikes into plain letters, so they collide', () => {
    expect(cleaned('Ａｌｉｃｅ')).toBe('Alice');
    const a = checkNickname('Ａｌｉｃｅ');
    const b = checkNickname('ALICE');
    expect(a.ok && b.ok && a.key === b.key).toBe(true);
  });

  it('drops zero-width and blank characters, and refuses a name that is nothing else', () => {
    expect(cleaned('Bo\u200bb\u2060')).toBe('Bob');
    expect(cleaned('\u00adSam\ufeff')).toBe('Sam');
    expect(cleaned('\u200b\u200c\u3164\u2800')).toBeNull();
  });

  it('keeps emoji sequences whole and counts them as one character each', () => {
    expect(cleaned('👩‍💻 Dev')).toBe('👩‍💻 Dev');
    expect(nicknameLength('👨‍👩‍👧‍👦')).toBe(1);
    expect(cleaned('🦊'.repeat(20))).not.toBeNull();
    expect(cleaned('🦊'.repeat(21))).toBeNull();
    expect(cleaned('é'.normalize('NFD').repeat(20))).not.toBeNull();
  });

  it('refuses control and bidi-override characters instead of showing them', () => {
    expect(cleaned('a\u0000b')).toBeNull();
    expect(cleaned('\u202Eevil')).toBeNull();
  });
});

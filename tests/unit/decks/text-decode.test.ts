import { describe, expect, it } from 'vitest';
import { buildDeck } from '@/core/decks/builder';
import { MAX_INPUT_BYTES, decodeText } from '@/core/decks/text-decode';

const TEXT = '# Café notes\n\n## Crème brûlée\n\nThe oven runs at 180 °C – “hot”.\n';

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    out[2 + i * 2] = bigEndian ? c >> 8 : c & 0xff;
    out[3 + i * 2] = bigEndian ? c & 0xff : c >> 8;
  }
  return out;
}

/** Windows-1252 bytes for the characters used here (Latin-1 range plus curly quotes and the dash). */
function cp1252(text: string): Uint8Array {
  const extra: Record<string, number> = { '“': 0x93, '”': 0x94, '–': 0x96 };
  return Uint8Array.from([...text].map((ch) => extra[ch] ?? ch.charCodeAt(0)));
}

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const plain = new TextEncoder().encode(TEXT);
    expect(decodeText(plain)).toEqual({ ok: true, text: TEXT, encoding: 'utf-8' });
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...plain]))).toEqual({ ok: true, text: TEXT, encoding: 'utf-8-bom' });
  });

  it('reads UTF-16 little- and big-endian with a BOM', () => {
    expect(decodeText(utf16(TEXT, false))).toEqual({ ok: true, text: TEXT, encoding: 'utf-16le' });
    expect(decodeText(utf16(TEXT, true))).toEqual({ ok: true, text: TEXT, encoding: 'utf-16be' });
  });

  it('falls back to Windows-1252 when the bytes are not valid UTF-8, keeping accents and curly quotes', () => {
    const r = decodeText(cp1252(TEXT));
    expect(r).toEqual({ ok: true, text: TEXT, encoding: 'windows-1252' });
    const latin1 = decodeText(Uint8Array.from([0x4e, 0x61, 0xef, 0x76, 0x65, 0x20, 0x63, 0x61, 0x66, 0xe9]));
    expect(latin1.ok && latin1.text).toBe('Naïve café');
  });

  it('refuses empty, binary and oversized input with one clear message stating the limit in bytes', () => {
    expect(decodeText(new Uint8Array())).toEqual({ ok: false, error: 'the file is empty' });
    expect(decodeText(new TextEncoder().encode(' \n\t\n'))).toEqual({ ok: false, error: 'the file is empty' });
    expect(decodeText(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toMatchObject({ ok: false, error: expect.stringMatching(/binary file/) });
    const big = new Uint8Array(MAX_INPUT_BYTES + 1).fill(0x61);
    expect(decodeText(big)).toEqual({ ok: false, error: 'the file is 2,097,153 bytes; the limit is 2,097,152 bytes (2 MiB)' });
    expect(decodeText(new Uint8Array(MAX_INPUT_BYTES).fill(0x61)).ok).toBe(true);
  });

  it('is what the builder uses: a Latin-1 document keeps its accents in the cards', () => {
    const r = buildDeck(cp1252(TEXT));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.summary.sections.join()).toContain('Crème brûlée');
    expect(JSON.stringify(r.deck)).not.toContain('\ufffd');
  });
});

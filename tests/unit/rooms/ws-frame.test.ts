import { describe, expect, it } from 'vitest';
import { textFrame } from '../../../server/rooms/ws-frame';

/** Reads a server-to-client text frame back: FIN, opcode, unmasked, payload length, payload. */
function parse(frame: Buffer) {
  const fin = (frame[0]! & 0x80) !== 0;
  const opcode = frame[0]! & 0x0f;
  const masked = (frame[1]! & 0x80) !== 0;
  let length = frame[1]! & 0x7f;
  let offset = 2;
  if (length === 126) {
    length = frame.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    length = Number(frame.readBigUInt64BE(2));
    offset = 10;
  }
  return { fin, opcode, masked, length, text: frame.subarray(offset).toString('utf8'), rest: frame.length - offset - length };
}

describe('textFrame', () => {
  it.each([0, 1, 125, 126, 65_535, 65_536, 200_000])('frames a %i-byte text with the right length field', (n) => {
    const text = 'x'.repeat(n);
    expect(parse(textFrame(text))).toEqual({ fin: true, opcode: 1, masked: false, length: n, text, rest: 0 });
  });

  it('counts UTF-8 bytes, not characters', () => {
    const text = '42["room:view",{"nickname":"Zoë 🦊"}]';
    const parsed = parse(textFrame(text));
    expect(parsed.length).toBe(Buffer.byteLength(text));
    expect(parsed.text).toBe(text);
  });

  it.each([[10, 5], [100, 30], [60_000, 10_000], [70_000, 10]])('frames an encoded %i-byte head and a %i-character tail as one payload', (h, t) => {
    const head = '4' + 'ä'.repeat(h / 2);
    const tail = '🦊'.repeat(t / 2) + ']';
    const parsed = parse(textFrame(tail, Buffer.from(head)));
    expect(parsed).toEqual({ fin: true, opcode: 1, masked: false, length: Buffer.byteLength(head + tail), text: head + tail, rest: 0 });
  });
});

/**
 * Bytes → text for every uploaded or CLI-read document: BOM-marked UTF-8 / UTF-16 LE / UTF-16 BE,
 * unmarked UTF-8, and Windows-1252 (a superset of Latin-1's printable range) when the bytes are not
 * valid UTF-8. Also the one place that refuses empty, oversized and binary input, so the CLI, the
 * builder page and the import page give the same messages. Pure: works in Node and the browser.
 */

/** Largest document or import file, in bytes (2 MiB). */
export const MAX_INPUT_BYTES = 2 * 1024 * 1024;

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncodingName }
  | { ok: false; error: string };

/** "2,097,152 bytes (2 MiB)": the limit with exact units, for messages. */
export function formatByteLimit(limit = MAX_INPUT_BYTES): string {
  return `${limit.toLocaleString('en-US')} bytes (${limit / 1024 / 1024} MiB)`;
}

export function tooLargeError(bytes: number, limit = MAX_INPUT_BYTES): string {
  return `the file is ${bytes.toLocaleString('en-US')} bytes; the limit is ${formatByteLimit(limit)}`;
}

/** Detects the encoding and decodes; refuses empty, oversized and binary input with one clear message. */
export function decodeText(bytes: Uint8Array, limit = MAX_INPUT_BYTES): DecodeResult {
  if (bytes.length > limit) return { ok: false, error: tooLargeError(bytes.length, limit) };
  if (bytes.length === 0) return { ok: false, error: 'the file is empty' };
  const { text, encoding } = detect(bytes);
  // why: Latin-1 prose is mostly ASCII; bytes that are neither UTF-8 nor mostly ASCII are binary.
  if (encoding === 'windows-1252' && bytes.filter((b) => b >= 0x80).length / bytes.length > 0.3) {
    return { ok: false, error: 'this looks like a binary file (mostly non-printable characters), not a text document' };
  }
  const problem = textProblem(text);
  return problem ? { ok: false, error: problem } : { ok: true, text, encoding };
}

function detect(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // why: not valid UTF-8. Notes saved by older Windows/Mac editors are Windows-1252 (which maps
    // every Latin-1 printable byte the same way and adds curly quotes and dashes in 0x80–0x9F).
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/** Windows-1252 0x80–0x9F (the rest is Latin-1, byte = code point); undefined bytes stay C1 controls. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

// why by hand: Node's TextDecoder('windows-1252') decodes as ISO-8859-1, turning curly quotes and
// dashes (0x80–0x9F) into invisible control characters.
function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x4000) {
    const chunk = Array.from(bytes.subarray(i, i + 0x4000), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b)));
    out += chunk.join('');
  }
  return out;
}

/** Why decoded text is not a text document (binary, empty), or null. */
export function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'this looks like a binary file (it contains NUL bytes), not a text document';
  if (text.replace(/[\s\u00a0\uFEFF]/g, '') === '') return 'the file is empty';
  let odd = 0;
  for (const ch of text) {
    // why: C0/C1 control characters and U+FFFD are what binary data turns into once decoded.
    if (/[\u0001-\u0008\u000b\u000e-\u001f\u007f\ufffd]/.test(ch)) odd += 1;
  }
  if (odd / text.length > 0.05) return 'this looks like a binary file (mostly non-printable characters), not a text document';
  return null;
}

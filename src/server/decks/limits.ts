import { MAX_INPUT_BYTES, tooLargeError } from '@/core/decks/text-decode';

/** Largest text file accepted by import and the builder: 2,097,152 bytes (2 MiB). */
export const MAX_UPLOAD_BYTES = MAX_INPUT_BYTES;
/** Request body cap: JSON escaping of tabs, quotes and newlines can grow a 2 MiB file. */
export const MAX_UPLOAD_BODY_CHARS = MAX_UPLOAD_BYTES * 3;
/** Most cards one saved deck may hold. */
export const MAX_DECK_CARDS = 2000;

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

export function tooLargeMessage(bytes: number): string {
  const m = tooLargeError(bytes);
  return `${m.charAt(0).toUpperCase()}${m.slice(1)}.`;
}

/** Import request cap: a text file as above, or a 16 MiB package as base64 (4/3 larger). */
export const MAX_IMPORT_BODY_CHARS = Math.max(MAX_UPLOAD_BODY_CHARS, Math.ceil((16 * 1024 * 1024) / 3) * 4 + 64 * 1024);

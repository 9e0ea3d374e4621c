import { MAX_DOCUMENT_BYTES } from '@/core/decks/builder-text';

/** Largest file accepted by import and the builder (the builder's own limit, 2 MB). */
export const MAX_UPLOAD_BYTES = MAX_DOCUMENT_BYTES;
/** Request body cap: JSON escaping of tabs, quotes and newlines can grow a 2 MB file. */
export const MAX_UPLOAD_BODY_CHARS = MAX_UPLOAD_BYTES * 3;
/** Most cards one saved deck may hold. */
export const MAX_DECK_CARDS = 2000;

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

export function tooLargeMessage(bytes: number): string {
  return `The file is ${(bytes / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`;
}

import { HttpError, badRequest } from '../api';
import { MAX_UPLOAD_BYTES, byteLength, tooLargeMessage } from './limits';

/**
 * Checks uploaded or pasted text before a parser sees it: a size limit with the size in the
 * message, and a clear refusal of binary files (which reach us as text with NUL bytes or lots of
 * U+FFFD after the browser decoded them).
 */
export function checkUploadText(text: string, what: string): void {
  const bytes = byteLength(text);
  if (bytes > MAX_UPLOAD_BYTES) throw new HttpError(413, 'too_large', tooLargeMessage(bytes));
  if (text.trim() === '') throw badRequest(`The ${what} is empty.`, 'empty');
  let odd = 0;
  for (const ch of text) if (/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(ch)) odd += 1;
  if (text.includes('\u0000') || odd / text.length > 0.05) {
    throw badRequest(`This looks like a binary file, not a text ${what}.`, 'binary');
  }
}

/**
 * Checks a request body's text before any handler sees it: valid UTF-8, valid JSON, and no
 * lone UTF-16 surrogates in any string or key (`"\ud800"` parses as JSON but cannot be stored
 * or sent on as UTF-8). Returns the problem as a sentence, or null when the body is fine.
 */
export function jsonBodyProblem(body: Buffer): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return 'Request body is not valid UTF-8.';
  }
  if (text.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'Request body is not valid JSON.';
  }
  return hasLoneSurrogate(value) ? 'Request body contains a lone UTF-16 surrogate (\\ud800-\\udfff) in a string.' : null;
}

function hasLoneSurrogate(value: unknown): boolean {
  // why: an explicit stack, so a deeply nested body cannot overflow the call stack.
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (!v.isWellFormed()) return true;
    } else if (Array.isArray(v)) {
      for (const item of v) stack.push(item);
    } else if (v && typeof v === 'object') {
      for (const [k, inner] of Object.entries(v)) {
        if (!k.isWellFormed()) return true;
        stack.push(inner);
      }
    }
  }
  return false;
}

/** True when every percent-escape in a URL is valid and decodes to well-formed UTF-8. */
export function urlIsWellFormed(url: string): boolean {
  try {
    decodeURIComponent(url);
    return true;
  } catch {
    return false;
  }
}

/** Stable, readable identifiers for generated cards. Pure and deterministic. */

/** Lowercase ASCII slug (`[a-z0-9-]`), cut at a word boundary to at most `max` characters. */
export function slugify(text: string, max = 40): string {
  const base = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (base.length <= max) return base;
  const cut = base.slice(0, max + 1);
  const lastDash = cut.lastIndexOf('-');
  // why: prefer whole words, but never shrink below half the budget for one long word.
  const trimmed = lastDash > max / 2 ? cut.slice(0, lastDash) : base.slice(0, max);
  return trimmed.replace(/-+$/g, '');
}

/** FNV-1a 32-bit over the UTF-16 code units, as 6 base-36 characters. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0').slice(-6);
}

/** Returns `base`, or `base-2`, `base-3`, ... whichever is not yet in `taken`; records the result. */
export function uniqueKey(base: string, taken: Set<string>): string {
  let key = base;
  for (let n = 2; taken.has(key); n += 1) key = `${base}-${n}`;
  taken.add(key);
  return key;
}

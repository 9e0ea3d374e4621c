/**
 * Class join codes: short, typed by students from a projector or a chat message, so the alphabet
 * leaves out characters that look alike (0/O, 1/I/L) and the code is case-insensitive.
 */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

/** A random code; `randomInt(n)` returns an integer in [0, n) (crypto.randomInt in the service). */
export function generateJoinCode(randomInt: (n: number) => number): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/**
 * Normalises what a student typed ("abc-d2f", " ABC D2F ") to the stored form, or null when it cannot
 * be a code. why: look-alikes are mapped (O→0 is not in the alphabet, so O stays invalid) only by
 * upper-casing and removing separators; guessing would make wrong codes join the wrong class.
 */
export function normalizeJoinCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]+/g, '');
  if (code.length !== JOIN_CODE_LENGTH) return null;
  for (const ch of code) if (!JOIN_CODE_ALPHABET.includes(ch)) return null;
  return code;
}

export const NICKNAME_MAX_LENGTH = 20;

// why: besides C0/C1 controls, bidi overrides and line separators let one nickname garble the
// leaderboard for everyone, so they count as control characters here too.
const FORBIDDEN = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

/**
 * Invisible characters: format characters (zero-width space and joiners, word joiner, BOM, soft
 * hyphen, tags) and the "blank" letters people use to look like someone else or like nobody.
 * A zero-width joiner inside an emoji sequence (👩‍💻) and the tags of a flag (🏴 England) are
 * kept: there they are part of one visible character.
 */
const INVISIBLE = /\p{Cf}|[\u115F\u1160\u3164\uFFA0\u2800\u180E]/gu;
const EMOJI_JOINER = /(?<=[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\uFE0F])\u200D(?=\p{Extended_Pictographic})/gu;
const FLAG_TAGS = /\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}/gu;

export type NicknameCheck = { ok: true; nickname: string; key: string } | { ok: false };

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** User-perceived characters (grapheme clusters): 👩‍💻 and é are one each. */
export function nicknameLength(nickname: string): number {
  let n = 0;
  for (const _ of segmenter.segment(nickname)) n++;
  return n;
}

/** Drops invisible characters, keeping the joiners and tags that hold an emoji together. */
function dropInvisible(s: string): string {
  const keep: string[] = [];
  const hold = (m: string) => {
    keep.push(m);
    return `\u0000${keep.length - 1}\u0000`;
  };
  const held = s.replace(FLAG_TAGS, hold).replace(EMOJI_JOINER, hold);
  return held.replace(INVISIBLE, '').replace(/\u0000(\d+)\u0000/g, (_, i: string) => keep[Number(i)]!);
}

/**
 * Cleans and validates a nickname: NFKC (full-width and other look-alike forms become the plain
 * letters), invisible characters dropped, trimmed, inner whitespace collapsed, 1–20 characters
 * as people count them (grapheme clusters), no control characters. `key` is the
 * case-insensitive form used for uniqueness.
 */
export function checkNickname(raw: unknown): NicknameCheck {
  if (typeof raw !== 'string' || FORBIDDEN.test(raw)) return { ok: false };
  const nickname = dropInvisible(raw.normalize('NFKC')).trim().replace(/\s+/gu, ' ');
  const length = nicknameLength(nickname);
  if (length < 1 || length > NICKNAME_MAX_LENGTH) return { ok: false };
  return { ok: true, nickname, key: nicknameKey(nickname) };
}

/** Case-insensitive comparison key. */
export function nicknameKey(nickname: string): string {
  return nickname.normalize('NFKC').toLowerCase();
}

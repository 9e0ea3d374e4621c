export const NICKNAME_MAX_LENGTH = 20;

// why: besides C0/C1 controls, bidi overrides and line separators let one nickname garble the
// leaderboard for everyone, so they count as control characters here too.
const FORBIDDEN = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/u;

export type NicknameCheck = { ok: true; nickname: string; key: string } | { ok: false };

/**
 * Cleans and validates a nickname: NFC, trimmed, inner whitespace collapsed, 1–20 characters
 * (code points), no control characters. `key` is the case-insensitive form used for uniqueness.
 */
export function checkNickname(raw: unknown): NicknameCheck {
  if (typeof raw !== 'string' || FORBIDDEN.test(raw)) return { ok: false };
  const nickname = raw.normalize('NFC').trim().replace(/\s+/gu, ' ');
  const length = [...nickname].length;
  if (length < 1 || length > NICKNAME_MAX_LENGTH) return { ok: false };
  return { ok: true, nickname, key: nicknameKey(nickname) };
}

/** Case-insensitive comparison key. */
export function nicknameKey(nickname: string): string {
  return nickname.normalize('NFKC').toLowerCase();
}

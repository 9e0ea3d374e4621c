import crypto from 'node:crypto';

/** 6-digit PIN (leading zeros allowed) not in `taken`; random from node:crypto. */
export function newPin(taken: (pin: string) => boolean): string {
  for (let i = 0; i < 1000; i++) {
    const pin = crypto.randomInt(0, 1_000_000).toString().padStart(6, '0');
    if (!taken(pin)) return pin;
  }
  throw new Error('no free PIN');
}

/** Rejoin secret for a player: 128 random bits, URL-safe (fits TokenSchema). */
export function newToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

/** Opaque ids for games and players (also the database primary keys). */
export function newId(prefix: string): string {
  return prefix + crypto.randomBytes(12).toString('base64url').replace(/[-_]/g, 'x');
}

export function newSeed(): number {
  return crypto.randomBytes(4).readUInt32LE(0);
}

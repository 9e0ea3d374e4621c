/** Where a player's rejoin token lives: one entry per PIN, in this browser only. */
export interface StoredSeat {
  pin: string;
  token: string;
  playerId: string;
}

const key = (pin: string) => `studyroom.seat.${pin}`;

export function loadSeat(pin: string): StoredSeat | null {
  try {
    const raw = window.localStorage.getItem(key(pin));
    if (!raw) return null;
    const seat = JSON.parse(raw) as Partial<StoredSeat>;
    return seat && seat.pin === pin && typeof seat.token === 'string' && typeof seat.playerId === 'string'
      ? (seat as StoredSeat)
      : null;
  } catch {
    return null;
  }
}

export function saveSeat(seat: StoredSeat) {
  try {
    window.localStorage.setItem(key(seat.pin), JSON.stringify(seat));
  } catch {
    // Private mode without storage: the game still works, only a reload loses the seat.
  }
}

export function forgetSeat(pin: string) {
  try {
    window.localStorage.removeItem(key(pin));
  } catch {
    // nothing stored
  }
}

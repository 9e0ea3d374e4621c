'use client';

/** Where a "let me back in" stands on the asking phone. */
export type SeatAsk = { nickname: string; state: 'offer' | 'waiting' | 'declined' };

/**
 * Shown when a nickname is taken: if it is the player's own seat from a device they no longer
 * have, they can ask the host to move it here (score and streak included).
 */
export function SeatRequestPanel({ ask, busy, onAsk }: { ask: SeatAsk; busy: boolean; onAsk: () => void }) {
  if (ask.state === 'waiting') {
    return (
      <div className="mx-auto flex w-full max-w-md flex-col items-center gap-3 p-5 text-center" role="status" aria-live="polite" data-testid="seat-waiting">
        <h2 className="text-2xl font-black">Asking the host…</h2>
        <p className="text-lg">
          The host&apos;s screen shows your request to come back as <strong>{ask.nickname}</strong>. Keep this page open.
        </p>
      </div>
    );
  }
  return (
    <div className="flex w-full flex-col gap-3 rounded-2xl bg-white/15 p-5" data-testid="seat-offer">
      {ask.state === 'declined' ? (
        <p role="alert" className="text-lg font-semibold">
          The host did not move the seat of {ask.nickname} to this device. Pick another nickname to play.
        </p>
      ) : (
        <>
          <p className="text-lg">
            Is <strong>{ask.nickname}</strong> you, on a phone or browser you no longer have?
          </p>
          <button type="button" onClick={onAsk} disabled={busy} className="btn min-h-14 bg-white px-4 py-3 text-lg font-black text-indigo-900 hover:bg-indigo-50">
            Ask the host to let me back in
          </button>
        </>
      )}
    </div>
  );
}

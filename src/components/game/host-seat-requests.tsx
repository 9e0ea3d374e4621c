'use client';
import type { HostView } from '@/core/game/view-types';

/**
 * Players asking to come back on a new device ("let me back in"). One click moves the seat,
 * score and streak to the asking device; the old device loses it.
 */
export function SeatRequests({ requests, onAnswer }: { requests: HostView['seatRequests']; onAnswer: (requestId: string, grant: boolean) => void }) {
  return (
    <section aria-label="Players asking to come back" className="mx-8 mt-4 flex flex-col gap-2" data-testid="seat-requests">
      {requests.map((r) => (
        <div key={r.requestId} role="alert" className="flex flex-wrap items-center gap-4 rounded-lg bg-amber-200 px-4 py-3 text-xl font-semibold text-slate-900">
          <span className="min-w-0 flex-1">
            <strong className="break-words">{r.nickname}</strong> asks to come back on a new device.
          </span>
          <button type="button" className="btn bg-slate-900 px-5 py-2 text-lg text-white hover:bg-slate-700" onClick={() => onAnswer(r.requestId, true)}>
            Let back in
          </button>
          <button type="button" className="btn bg-white px-5 py-2 text-lg text-slate-900 hover:bg-slate-100" onClick={() => onAnswer(r.requestId, false)}>
            Decline
          </button>
        </div>
      ))}
    </section>
  );
}

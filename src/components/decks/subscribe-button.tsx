'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

/**
 * Subscribes the user to a deck (its cards join their daily review) or unsubscribes.
 * The route POST/DELETE /api/decks/:id/subscription belongs to the review service.
 */
export function SubscribeButton({ deckId, subscribed, title }: { deckId: string; subscribed: boolean; title: string }) {
  const router = useRouter();
  const [on, setOn] = useState(subscribed);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function toggle() {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/decks/${encodeURIComponent(deckId)}/subscription`, { method: on ? 'DELETE' : 'POST' });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        setError(body?.error?.message ?? `Could not ${on ? 'unsubscribe' : 'subscribe'} (error ${res.status}).`);
        return;
      }
      setOn(!on);
      router.refresh();
    } catch {
      setError('Network error. Try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col items-start gap-1">
      <button
        type="button"
        onClick={toggle}
        disabled={busy}
        aria-pressed={on}
        aria-label={`${on ? 'Unsubscribe from' : 'Subscribe to'} ${title}`}
        className={`btn ${on ? 'btn-secondary' : 'btn-primary'} py-1.5 text-sm`}
      >
        {busy ? 'Saving…' : on ? '✓ Subscribed' : 'Subscribe'}
      </button>
      {error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}

'use client';
import type { NextCardResult } from '@/server/review/next-card';
import type { StudyCard } from '@/server/review/study-card';
import type { ApplyReviewResult } from '@/server/review/apply';
import type { UndoResult } from '@/server/review/undo';

export type { NextCardResult, StudyCard, ApplyReviewResult, UndoResult };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    throw new ApiError(res.status, data?.error?.code ?? 'error', data?.error?.message ?? `Request failed (${res.status}).`);
  }
  return data as T;
}

export const fetchNext = (deckId?: string) =>
  call<NextCardResult>('GET', `/api/review/queue${deckId ? `?deckId=${encodeURIComponent(deckId)}` : ''}`);

/**
 * Rates a card. A network failure is retried with the same clientId: the server applies it once.
 */
export async function rateCard(input: {
  cardId: string;
  rating: 1 | 2 | 3 | 4;
  expectedVersion: number;
  durationMs: number;
}): Promise<ApplyReviewResult> {
  const clientId = crypto.randomUUID();
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await call<ApplyReviewResult>('POST', '/api/review/rate', { ...input, clientId });
    } catch (err) {
      if (err instanceof ApiError && err.status < 500) throw err;
      lastError = err;
      await new Promise((r) => setTimeout(r, 400 * (attempt + 1)));
    }
  }
  throw lastError;
}

export const undoLast = () => call<{ undone: UndoResult; card: StudyCard | null }>('POST', '/api/review/undo', {});
export const cardAction = (cardId: string, action: 'suspend' | 'unsuspend' | 'bury') =>
  call<{ card: { version: number; suspended: boolean } }>('POST', `/api/review/cards/${encodeURIComponent(cardId)}/${action}`, {});

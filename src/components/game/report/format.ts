export function formatSeconds(ms: number | null): string {
  return ms === null ? '—' : `${(ms / 1000).toFixed(1)} s`;
}

export function formatPercent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

export const STATUS_LABEL: Record<string, string> = { lobby: 'In lobby', running: 'Running', ended: 'Finished' };

'use client';
import { useCallback, useEffect, useState } from 'react';

/**
 * The status of a parameter fit at `url` (a student's or a class's), polled every half second
 * while a fit job runs. why poll: the fit runs on a worker thread on the server.
 */
export function useFitStatus<S extends { job?: { status: string } | null }>(url: string) {
  const [status, setStatus] = useState<S | null>(null);
  const load = useCallback(async () => {
    const res = await fetch(url);
    if (res.ok) setStatus((await res.json()) as S);
  }, [url]);
  useEffect(() => {
    void load();
  }, [load]);
  const running = status?.job?.status === 'running';
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => void load(), 500);
    return () => clearInterval(t);
  }, [running, load]);
  return { status, load, running };
}

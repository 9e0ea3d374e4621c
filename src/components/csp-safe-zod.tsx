'use client';
import { z } from 'zod';

// why: zod 4 probes whether it may compile parsers with `new Function` the first time it parses
// an object. The CSP forbids eval, so the probe fails (harmlessly) but the browser reports a CSP
// violation on every page that parses. Telling zod up front skips the probe; it parses the same.
// Only in the browser: the server has no CSP and keeps zod's faster compiled parsers.
if (typeof window !== 'undefined') z.config({ jitless: true });

/** Rendered once in the root layout so the setting is made before any client code parses. */
export function CspSafeZod(): null {
  return null;
}

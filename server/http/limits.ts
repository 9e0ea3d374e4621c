import { MAX_IMPORT_BODY_CHARS } from '../../src/server/decks/limits';

/**
 * Request body caps in bytes, checked against Content-Length before reading and counted while
 * reading (docs/api.md, "Limits"). Each route's own zod check still applies inside these.
 */
export const BODY_LIMITS = {
  /** /api/auth/*: sign-up and sign-in bodies are a few hundred bytes. */
  auth: 16 * 1024,
  /** Every other /api route: the largest JSON body (cards in the deck editor) is capped at 64 kB. */
  api: 256 * 1024,
  /** Deck import and the deck builder: the largest file they take (a 16 MiB .apkg or PDF, base64), plus the other fields. */
  upload: MAX_IMPORT_BODY_CHARS + 64 * 1024,
  /** Pages and anything else: nothing here takes a body. */
  other: 16 * 1024,
} as const;

const UPLOAD_ROUTES = new Set(['/api/decks/import', '/api/decks/import/preview', '/api/decks/builder', '/api/decks/builder/draft']);

/** True for the routes that take whole files (the upload limit, for signed-in callers only). */
export function isUploadRoute(routePattern: string | undefined): boolean {
  return routePattern !== undefined && UPLOAD_ROUTES.has(routePattern);
}

/**
 * The body cap for a request path (`routePattern` is the matched API route, if any).
 * `signedIn: false` keeps anonymous callers to the JSON limit on upload routes (they answer 401
 * anyway), so no one without an account can make the server hold megabytes.
 */
export function bodyLimitFor(pathname: string, routePattern: string | undefined, signedIn = true): number {
  if (pathname.startsWith('/api/auth/')) return BODY_LIMITS.auth;
  if (isUploadRoute(routePattern)) return signedIn ? BODY_LIMITS.upload : BODY_LIMITS.api;
  if (pathname.startsWith('/api/')) return BODY_LIMITS.api;
  return BODY_LIMITS.other;
}

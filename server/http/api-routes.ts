import fs from 'node:fs';
import path from 'node:path';

/** One route handler file under src/app/api: its URL pattern and the methods it exports. */
export interface ApiRoute {
  /** e.g. "/api/classes/[id]/decks/[deckId]" */
  pattern: string;
  methods: string[];
  match: RegExp;
}

const METHOD_EXPORT = /export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g;

/**
 * Lists the API route handlers from the source tree (src/app/api/**\/route.ts).
 * why: Next answers a method a route does not export with an empty 405 and an unknown API path
 * with its HTML 404 page; knowing the table lets the server answer both in the JSON error shape
 * and pick each route's body limit before any byte of the body is read.
 */
export function scanApiRoutes(appDir = path.resolve('src/app')): ApiRoute[] {
  const routes: ApiRoute[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name === 'route.ts') {
        const pattern = '/' + path.relative(appDir, dir).split(path.sep).join('/');
        const source = fs.readFileSync(p, 'utf8');
        const methods = [...new Set([...source.matchAll(METHOD_EXPORT)].map((m) => m[1]))].sort();
        routes.push({ pattern, methods, match: patternToRegExp(pattern) });
      }
    }
  };
  const apiDir = path.join(appDir, 'api');
  if (fs.existsSync(apiDir)) walk(apiDir);
  return routes.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

function patternToRegExp(pattern: string): RegExp {
  const parts = pattern.split('/').map((seg) => {
    if (/^\[\.\.\..+\]$/.test(seg)) return '.+';
    if (/^\[.+\]$/.test(seg)) return '[^/]+';
    return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  });
  return new RegExp(`^${parts.join('/')}/?$`);
}

/**
 * The route a path belongs to. A literal segment wins over a dynamic one at the same place
 * (`/api/classes/join` is not `/api/classes/[id]`), as in Next's router.
 */
export function findApiRoute(routes: ApiRoute[], pathname: string): ApiRoute | undefined {
  let best: ApiRoute | undefined;
  let bestScore = -1;
  for (const r of routes) {
    if (!r.match.test(pathname)) continue;
    const score = r.pattern.split('/').reduce((s, seg, i) => s + (seg.startsWith('[') ? 0 : 1 << (16 - i)), 0);
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return best;
}

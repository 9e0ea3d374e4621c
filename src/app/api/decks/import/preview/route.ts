import { json, parseBody, requireUser, route } from '@/server/api';
import { runImport } from '@/server/decks/import-deck';
import { MAX_IMPORT_BODY_CHARS } from '@/server/decks/limits';
import { importBodySchema } from '@/server/decks/schemas';

/**
 * POST /api/decks/import/preview: reads a text file (Anki text export, our CSV/JSON export) or an
 * Anki package and returns the cards, the rows left out with their reasons, and whole-file
 * errors; saves nothing.
 */
export const POST = route(async (req) => {
  await requireUser(req);
  const body = await parseBody(req, importBodySchema, MAX_IMPORT_BODY_CHARS);
  const o = runImport(body);
  const reviews = o.decks.reduce((n, d) => n + Object.values(d.reviews ?? {}).reduce((m, r) => m + r.length, 0), 0);
  return json({ ok: o.ok, format: o.format, title: o.title, cards: o.cards, errors: o.errors, rowErrors: o.rowErrors, warnings: o.warnings, reviews });
});

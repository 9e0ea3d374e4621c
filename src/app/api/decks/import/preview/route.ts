import { json, parseBody, requireUser, route } from '@/server/api';
import { runImport } from '@/server/decks/import-deck';
import { MAX_UPLOAD_BODY_CHARS } from '@/server/decks/limits';
import { importBodySchema } from '@/server/decks/schemas';

/** POST /api/decks/import/preview: parses an Anki-style CSV/TSV and returns the cards and errors; saves nothing. */
export const POST = route(async (req) => {
  await requireUser(req);
  const body = await parseBody(req, importBodySchema, MAX_UPLOAD_BODY_CHARS);
  return json(runImport(body));
});

import { json, parseBody, requireUser, route } from '@/server/api';
import { db } from '@/server/db';
import { runImport } from '@/server/decks/import-deck';
import { MAX_UPLOAD_BODY_CHARS } from '@/server/decks/limits';
import { saveUserDeck } from '@/server/decks/save-user-deck';
import { importBodySchema } from '@/server/decks/schemas';
import { validateDraftDeck } from '@/server/decks/validate-draft';

/**
 * POST /api/decks/import: parses the file again (the preview the browser saw is not trusted) and
 * saves it as a new deck owned by the caller. 400 with the line errors when the file has any.
 */
export const POST = route(async (req) => {
  const user = await requireUser(req);
  const body = await parseBody(req, importBodySchema, MAX_UPLOAD_BODY_CHARS);
  const outcome = runImport(body);
  if (!outcome.ok) {
    return json(
      { error: { code: 'invalid_file', message: 'The file has errors; fix them and upload it again.' }, errors: outcome.errors, warnings: outcome.warnings },
      { status: 400 },
    );
  }
  const check = validateDraftDeck({ id: 'import', title: outcome.title, description: body.description ?? '', cards: outcome.cards });
  if (!check.ok) {
    return json({ error: { code: 'invalid_deck', message: 'The imported cards did not pass validation.' }, ...check }, { status: 400 });
  }
  const saved = await saveUserDeck(db(), check.deck, user.id);
  return json({ deck: saved }, { status: 201 });
});

import { badRequest, json, notFound, parseBody, requireUser, route } from '@/server/api';
import { db } from '@/server/db';
import { keepAnkiSchedule } from '@/server/decks/anki/keep-schedule';
import { runImport } from '@/server/decks/import-deck';
import { MAX_IMPORT_BODY_CHARS } from '@/server/decks/limits';
import { saveUserDeck } from '@/server/decks/save-user-deck';
import { upsertDeck } from '@/server/decks/load-builtin';
import { importBodySchema } from '@/server/decks/schemas';
import { validateDraftDeck } from '@/server/decks/validate-draft';

/**
 * POST /api/decks/import: parses the file again (the preview the browser saw is not trusted) and
 * saves it, as a new deck owned by the caller or (replaceDeckId) over one of the caller's decks,
 * matching cards by id so review history is kept. Rows reported as bad are left out only when the
 * caller says so (skipBadRows); otherwise 400 with the list and nothing is written. With
 * keepSchedule, a package's review history becomes the caller's own.
 */
export const POST = route(async (req) => {
  const user = await requireUser(req);
  const body = await parseBody(req, importBodySchema, MAX_IMPORT_BODY_CHARS);
  const own = body.replaceDeckId
    ? await db().deck.findFirst({ where: { id: body.replaceDeckId, ownerId: user.id, builtIn: false }, select: { id: true, title: true } })
    : null;
  if (body.replaceDeckId && !own) throw notFound('No such deck of yours to update.');
  // why: an update without a new title keeps the deck's own (and so the sections named after it).
  if (own && !body.title?.trim()) body.title = own.title;
  const outcome = runImport(body);
  if (!outcome.ok || (outcome.rowErrors.length > 0 && !body.skipBadRows)) {
    const message = outcome.ok
      ? `${outcome.rowErrors.length} row(s) could not be imported; save the other ${outcome.cards.length} card(s) or fix the file.`
      : 'The file has errors; fix them and upload it again.';
    return json(
      { error: { code: outcome.ok ? 'bad_rows' : 'invalid_file', message }, errors: outcome.errors, rowErrors: outcome.rowErrors, warnings: outcome.warnings },
      { status: 400 },
    );
  }
  if (outcome.decks.length !== 1) throw badRequest(`The file holds ${outcome.decks.length} decks; export and import them one at a time.`, 'many_decks');
  const [imported] = outcome.decks;
  const title = body.title?.trim() || imported.title;
  const check = validateDraftDeck({ id: 'import', title, description: body.description ?? imported.description, cards: imported.cards });
  if (!check.ok) {
    return json({ error: { code: 'invalid_deck', message: 'The imported cards did not pass validation.' }, ...check }, { status: 400 });
  }
  let saved: { id: string; cards: number };
  if (own) {
    await upsertDeck(db(), { ...check.deck, id: own.id }, { builtIn: false, ownerId: user.id });
    saved = { id: own.id, cards: check.deck.cards.length };
  } else saved = await saveUserDeck(db(), check.deck, user.id);
  let schedule = null;
  if (body.keepSchedule && imported.reviews) {
    try {
      schedule = await keepAnkiSchedule(user.id, saved.id, imported.reviews);
    } catch (err) {
      // why: nothing half-written. A new deck goes again with whatever history was loaded (cascade);
      // an updated deck keeps its cards, and sending the same file again completes the history
      // (each answer has a fixed client id, so none is applied twice).
      if (!own) await db().deck.delete({ where: { id: saved.id } });
      throw err;
    }
  }
  return json({ deck: saved, skipped: outcome.rowErrors.length, schedule }, { status: own ? 200 : 201 });
});

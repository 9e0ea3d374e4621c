import { buildDeck } from '@/core/decks/builder';
import { badRequest, json, parseBody, requireInstructor, route } from '@/server/api';
import { MAX_UPLOAD_BODY_CHARS } from '@/server/decks/limits';
import { builderDraftBodySchema } from '@/server/decks/schemas';
import { checkUploadText } from '@/server/decks/upload-text';

/**
 * POST /api/decks/builder/draft (instructors): runs the document-to-deck builder on a study
 * document and returns the draft cards with the summary. Saves nothing.
 */
export const POST = route(async (req) => {
  await requireInstructor(req);
  const body = await parseBody(req, builderDraftBodySchema, MAX_UPLOAD_BODY_CHARS);
  checkUploadText(body.text, 'document');
  const result = buildDeck(body.text, {
    id: 'draft',
    title: body.title?.trim() || undefined,
    source: body.fileName?.trim() || undefined,
  });
  if (!result.ok) throw badRequest(`Could not build a deck: ${result.error}.`, 'unusable_document');
  return json({ deck: result.deck, summary: result.summary });
});

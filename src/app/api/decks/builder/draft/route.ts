import { buildDeck } from '@/core/decks/builder';
import { badRequest, json, parseBody, requireInstructor, route } from '@/server/api';
import { MAX_IMPORT_BODY_CHARS } from '@/server/decks/limits';
import { pdfToText } from '@/server/decks/pdf-text';
import { builderDraftBodySchema } from '@/server/decks/schemas';
import { checkUploadText } from '@/server/decks/upload-text';

/**
 * POST /api/decks/builder/draft (instructors): runs the document-to-deck builder on a study
 * document (text, Markdown or HTML as `text`, or a PDF as base64 `data`) and returns the draft
 * cards with the summary. Saves nothing.
 */
export const POST = route(async (req) => {
  await requireInstructor(req);
  const body = await parseBody(req, builderDraftBodySchema, MAX_IMPORT_BODY_CHARS);
  let text: string;
  if (body.data !== undefined) {
    const pdf = await pdfToText(Buffer.from(body.data, 'base64'));
    if (!pdf.ok) throw badRequest(`Could not read the PDF: ${pdf.error}.`, 'unusable_document');
    text = pdf.text;
  } else text = body.text ?? '';
  checkUploadText(text, 'document');
  const result = buildDeck(text, {
    id: 'draft',
    title: body.title?.trim() || undefined,
    source: body.fileName?.trim() || undefined,
  });
  if (!result.ok) throw badRequest(`Could not build a deck: ${result.error}.`, 'unusable_document');
  return json({ deck: result.deck, summary: result.summary });
});

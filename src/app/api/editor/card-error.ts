import { json } from '@/server/api';
import { CardInvalidError } from '@/server/deck-editor/deck-editor-service';

/** Runs a card write; a card that fails the deck rules becomes a 422 with its errors per form field. */
export async function withCardErrors(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof CardInvalidError) {
      return json({ error: { code: 'invalid_card', message: 'The card has problems; see the fields.' }, fields: err.errors }, { status: 422 });
    }
    throw err;
  }
}

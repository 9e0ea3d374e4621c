/**
 * Errors the review service throws. They carry an HTTP status so route handlers can turn them into
 * the shared `{ error: { code, message } }` shape; the service itself stays free of Next imports so
 * the socket server can call it too.
 */
export class ReviewError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const cardNotFound = () =>
  new ReviewError(404, 'card_not_found', 'Card not found (it is not in a deck you can study).');
export const deckNotFound = () => new ReviewError(404, 'deck_not_found', 'Deck not found.');

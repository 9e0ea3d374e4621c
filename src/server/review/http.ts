import { HttpError, route } from '../api';
import { ReviewError } from './errors';

type Handler<C> = (req: Request, ctx: C) => Promise<Response> | Response;

/** `route()` that also turns the review service's errors into the shared HTTP error shape. */
export function reviewRoute<C>(handler: Handler<C>): Handler<C> {
  return route(async (req: Request, ctx: C) => {
    try {
      return await handler(req, ctx);
    } catch (err) {
      if (err instanceof ReviewError) throw new HttpError(err.status, err.code, err.message);
      throw err;
    }
  });
}

/** Card ids are cuids (or deck-file based ids): a bounded, simple charset. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;

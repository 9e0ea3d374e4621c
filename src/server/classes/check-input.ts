import type { z } from 'zod';
import { badRequest } from '../api';

/**
 * Parses service input with zod, turning problems into a 400 that names the field. why: services are
 * called from route handlers (already parsed) and from server actions/other services (not parsed),
 * and a ZodError escaping would surface as a 500.
 */
export function checkInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const res = schema.safeParse(input);
  if (res.success) return res.data;
  const issue = res.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  throw badRequest(`${where}${issue?.message ?? 'invalid input'}`);
}

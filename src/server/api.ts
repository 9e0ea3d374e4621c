import { NextResponse } from 'next/server';
import { z } from 'zod';
import { userFromHeaders, type SessionUser } from './auth';
import { isDatabaseUnavailable, UNAVAILABLE_MESSAGE } from './db';

/**
 * Shared plumbing for route handlers: one error shape `{ error: { code, message } }`, zod parsing
 * of bodies and query strings, and the signed-in user. Every handler is wrapped in `route()` so an
 * unexpected exception becomes a 500 with a generic message instead of a crash or a stack trace.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, code = 'bad_request') => new HttpError(400, code, message);
export const unauthorized = (message = 'Sign in first.') => new HttpError(401, 'unauthorized', message);
export const forbidden = (message = 'You are not allowed to do that.') => new HttpError(403, 'forbidden', message);
export const notFound = (message = 'Not found.') => new HttpError(404, 'not_found', message);
export const conflict = (message: string, code = 'conflict') => new HttpError(409, code, message);

export function errorResponse(err: unknown): NextResponse {
  if (err instanceof HttpError) {
    return NextResponse.json({ error: { code: err.code, message: err.message } }, { status: err.status });
  }
  if (isDatabaseUnavailable(err)) {
    console.error('route failed: the database is not reachable', String((err as Error)?.message ?? err).split('\n').pop());
    return NextResponse.json({ error: { code: 'unavailable', message: UNAVAILABLE_MESSAGE } }, { status: 503, headers: { 'retry-after': '5' } });
  }
  console.error('route failed', err);
  return NextResponse.json({ error: { code: 'internal', message: 'Something went wrong.' } }, { status: 500 });
}

type Handler<C> = (req: Request, ctx: C) => Promise<Response> | Response;

/** Wraps a route handler with the shared error handling. */
export function route<C>(handler: Handler<C>): Handler<C> {
  return async (req, ctx) => {
    try {
      return await handler(req, ctx);
    } catch (err) {
      return errorResponse(err);
    }
  };
}

/** The signed-in user or a 401. */
export async function requireUser(req: Request): Promise<SessionUser> {
  const user = await userFromHeaders(req.headers);
  if (!user) throw unauthorized();
  return user;
}

/** The signed-in instructor, a 401 for guests, a 403 for students. */
export async function requireInstructor(req: Request): Promise<SessionUser> {
  const user = await requireUser(req);
  if (user.role !== 'instructor') throw forbidden('Only instructors can do that.');
  return user;
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue?.message ?? 'invalid input'}`;
}

/** Parses a JSON body with a zod schema; a malformed or invalid body is a 400 naming the field. */
export async function parseBody<S extends z.ZodType>(req: Request, schema: S, maxBytes = 256 * 1024): Promise<z.output<S>> {
  const text = await req.text();
  if (text.length > maxBytes) throw new HttpError(413, 'too_large', `Request body over ${maxBytes} bytes.`);
  let raw: unknown;
  try {
    raw = text ? JSON.parse(text) : {};
  } catch {
    throw badRequest('Request body is not valid JSON.');
  }
  const res = schema.safeParse(raw);
  if (!res.success) throw badRequest(describeIssue(res.error));
  return res.data;
}

/** Parses URL search params (as a plain object of strings) with a zod schema. */
export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const res = schema.safeParse(params);
  if (!res.success) throw badRequest(describeIssue(res.error));
  return res.data;
}

export const json = (data: unknown, init?: ResponseInit) => NextResponse.json(data, init);

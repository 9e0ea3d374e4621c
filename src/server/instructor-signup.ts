import crypto from 'node:crypto';
import { APIError } from 'better-auth/api';
import { env } from './env';

export type InstructorSignup = 'open' | 'code' | 'closed';

/** The operator's setting, for pages that show or hide the instructor choice. */
export function instructorSignupMode(): InstructorSignup {
  return env().INSTRUCTOR_SIGNUP;
}

function sameSecret(given: string, expected: string): boolean {
  // why: compare digests so the comparison takes the same time whatever the given code's length.
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

/**
 * Throws unless a new account may have `role`. Called from the user-create hook, so every way
 * an account is created goes through it; `body` is the sign-up request body (null outside a request).
 */
export function assertMayCreateRole(role: string, body: unknown): void {
  if (role !== 'instructor') return;
  const e = env();
  if (e.INSTRUCTOR_SIGNUP === 'open') return;
  if (e.INSTRUCTOR_SIGNUP === 'closed') {
    throw new APIError('FORBIDDEN', {
      code: 'INSTRUCTOR_SIGNUP_CLOSED',
      message: 'Instructor sign-up is closed on this server. Sign up as a student, or ask the operator for an instructor account.',
    });
  }
  const given = body && typeof body === 'object' ? (body as { instructorCode?: unknown }).instructorCode : undefined;
  if (typeof given !== 'string' || given === '' || !sameSecret(given, e.INSTRUCTOR_SIGNUP_CODE ?? '')) {
    throw new APIError('FORBIDDEN', {
      code: 'INSTRUCTOR_CODE_INVALID',
      message: 'That instructor code is not right. Ask the operator of this server for the code.',
    });
  }
}

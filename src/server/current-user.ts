import { headers } from 'next/headers';
import { userFromHeaders, type SessionUser } from './auth';

/** The signed-in user for the current server-component render, or null. */
export async function currentUser(): Promise<SessionUser | null> {
  return userFromHeaders(await headers());
}

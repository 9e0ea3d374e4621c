'use client';
import { createAuthClient } from 'better-auth/react';

/** Browser-side auth calls; the server is the same origin, so no base URL is needed. */
export const authClient = createAuthClient();

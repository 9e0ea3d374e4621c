'use client';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { authClient } from '@/lib/auth-client';

type Mode = 'sign-in' | 'sign-up';

/** Maps the auth library's error to a sentence a person can act on. */
function describe(error: { status?: number; code?: string; message?: string }, mode: Mode): string {
  if (error.status === 429) return 'Too many attempts. Wait a minute and try again.';
  if (error.code === 'USER_ALREADY_EXISTS' || error.code === 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL')
    return 'An account with this email already exists. Sign in instead.';
  if (error.code === 'INVALID_EMAIL_OR_PASSWORD') return 'Wrong email or password.';
  if (error.code === 'PASSWORD_TOO_SHORT') return 'Password must be at least 8 characters.';
  if (error.code === 'INVALID_EMAIL') return 'Enter a valid email address.';
  if (error.code === 'INSTRUCTOR_CODE_INVALID') return 'That instructor code is not right. Ask the operator of this server for it.';
  return error.message || (mode === 'sign-in' ? 'Could not sign in.' : 'Could not create the account.');
}

export function AuthForm({ mode, instructorSignup = 'open' }: { mode: Mode; instructorSignup?: 'open' | 'code' | 'closed' }) {
  const router = useRouter();
  const params = useSearchParams();
  const next = params.get('next');
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [role, setRole] = useState<'student' | 'instructor'>('student');

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    const form = new FormData(e.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    setBusy(true);
    const result =
      mode === 'sign-in'
        ? await authClient.signIn.email({ email, password })
        : await authClient.signUp.email({
            email,
            password,
            name: String(form.get('name') ?? '').trim(),
            role: String(form.get('role') ?? 'student'),
            ...(form.get('instructorCode') ? { instructorCode: String(form.get('instructorCode')) } : {}),
          } as Parameters<typeof authClient.signUp.email>[0]);
    setBusy(false);
    if (result.error) {
      setError(describe(result.error, mode));
      return;
    }
    router.push(target);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="card mx-auto flex max-w-md flex-col gap-4" noValidate={false}>
      <h1 className="text-2xl font-bold">{mode === 'sign-in' ? 'Sign in' : 'Create your account'}</h1>
      {mode === 'sign-up' && (
        <label className="flex flex-col gap-1 text-sm font-medium">
          Display name
          <input name="name" required maxLength={40} autoComplete="nickname" className="field" />
        </label>
      )}
      <label className="flex flex-col gap-1 text-sm font-medium">
        Email
        <input name="email" type="email" required autoComplete="email" className="field" />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        Password
        <input
          name="password"
          type="password"
          required
          minLength={8}
          autoComplete={mode === 'sign-in' ? 'current-password' : 'new-password'}
          className="field"
        />
      </label>
      {mode === 'sign-up' && instructorSignup !== 'closed' && (
        <fieldset className="flex flex-col gap-2 text-sm">
          <legend className="mb-1 font-medium">I am a</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="role" value="student" checked={role === 'student'} onChange={() => setRole('student')} /> Student
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="role" value="instructor" checked={role === 'instructor'} onChange={() => setRole('instructor')} />{' '}
            Instructor (host games, run classes)
          </label>
          {instructorSignup === 'code' && role === 'instructor' && (
            <label className="mt-1 flex flex-col gap-1 font-medium">
              Instructor code
              <input name="instructorCode" required autoComplete="off" className="field" aria-describedby="instructor-code-help" />
              <span id="instructor-code-help" className="font-normal text-slate-600 dark:text-slate-400">
                The operator of this server gives this code to instructors.
              </span>
            </label>
          )}
        </fieldset>
      )}
      {mode === 'sign-up' && instructorSignup === 'closed' && (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          New accounts are student accounts. Instructor accounts are set up by the operator of this server.
        </p>
      )}
      {error && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {error}
        </p>
      )}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? 'Please wait…' : mode === 'sign-in' ? 'Sign in' : 'Sign up'}
      </button>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {mode === 'sign-in' ? (
          <>
            New here? <Link href="/sign-up" className="font-semibold text-brand-600 underline">Create an account</Link>
          </>
        ) : (
          <>
            Already have an account? <Link href="/sign-in" className="font-semibold text-brand-600 underline">Sign in</Link>
          </>
        )}
      </p>
    </form>
  );
}

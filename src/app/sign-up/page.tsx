import { Suspense } from 'react';
import { connection } from 'next/server';
import { AuthForm } from '@/components/auth-form';
import { instructorSignupMode } from '@/server/instructor-signup';

export const metadata = { title: 'Sign up' };

export default async function SignUpPage() {
  // why: INSTRUCTOR_SIGNUP is read when the page is served, not baked in at build time.
  await connection();
  return (
    <Suspense>
      <AuthForm mode="sign-up" instructorSignup={instructorSignupMode()} />
    </Suspense>
  );
}

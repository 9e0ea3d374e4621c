import Link from 'next/link';

export function SignInPrompt({ next, what }: { next: string; what: string }) {
  return (
    <div className="card mx-auto max-w-xl text-center">
      <h1 className="text-2xl font-bold">Sign in to see {what}</h1>
      <Link href={`/sign-in?next=${encodeURIComponent(next)}`} className="btn btn-primary mt-4">
        Sign in
      </Link>
    </div>
  );
}

import Link from 'next/link';

/** What a page that needs an account shows to a visitor: a title and the way back here after signing in. */
export function SignInPrompt({ title, next }: { title: string; next: string }) {
  return (
    <div className="card mx-auto max-w-xl text-center">
      <h1 className="text-2xl font-bold">{title}</h1>
      <Link href={`/sign-in?next=${next}`} className="btn btn-primary mt-4">
        Sign in
      </Link>
    </div>
  );
}

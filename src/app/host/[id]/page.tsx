import Link from 'next/link';
import { HostScreen } from '@/components/game/host-screen';
import { currentUser } from '@/server/current-user';
import { env } from '@/server/env';
import { lanAddresses } from '@/server/lan-addresses';

export const metadata = { title: 'Game room' };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await currentUser();
  if (!user) {
    return (
      <div className="card mx-auto max-w-xl text-center">
        <h1 className="text-2xl font-bold">Sign in to run this game</h1>
        <Link href={`/sign-in?next=/host/${encodeURIComponent(id)}`} className="btn btn-primary mt-4">
          Sign in
        </Link>
      </div>
    );
  }
  // why: ownership is checked by the room itself on host:attach (refused as `unauthorized`).
  const e = env();
  return <HostScreen gameId={id} reach={{ appUrl: e.APP_URL ?? null, lanAddresses: lanAddresses(), port: e.PORT }} />;
}

import { HostScreen } from '@/components/game/host-screen';
import { SignInPrompt } from '@/components/sign-in-prompt';
import { currentUser } from '@/server/current-user';
import { env } from '@/server/env';
import { lanAddresses } from '@/server/lan-addresses';

export const metadata = { title: 'Game room' };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await currentUser();
  if (!user) {
    return <SignInPrompt title="Sign in to run this game" next={`/host/${encodeURIComponent(id)}`} />;
  }
  // why: ownership is checked by the room itself on host:attach (refused as `unauthorized`).
  const e = env();
  return <HostScreen gameId={id} reach={{ appUrl: e.APP_URL ?? null, lanAddresses: lanAddresses(), port: e.PORT }} />;
}

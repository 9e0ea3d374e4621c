import { notFound } from 'next/navigation';
import { PlayerScreen } from '@/components/game/player-screen';

export const metadata = { title: 'Play' };

export default async function Page({ params }: { params: Promise<{ pin: string }> }) {
  const { pin } = await params;
  if (!/^\d{6}$/.test(pin)) notFound();
  return <PlayerScreen pin={pin} />;
}

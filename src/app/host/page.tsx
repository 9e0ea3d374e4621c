import { EmptyState } from '@/components/empty-state';

export const metadata = { title: 'Host a game' };

export default function Page() {
  return <EmptyState title="Host a game">Pick a deck and open a room here.</EmptyState>;
}

import { EmptyState } from '@/components/empty-state';

export const metadata = { title: 'Decks' };

export default function Page() {
  return <EmptyState title="Decks">Decks built from the study notes will appear here.</EmptyState>;
}

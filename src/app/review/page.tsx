import { EmptyState } from '@/components/empty-state';

export const metadata = { title: 'Review' };

export default function Page() {
  return <EmptyState title="Review">Your daily review will appear here.</EmptyState>;
}

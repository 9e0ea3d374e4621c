import { EmptyState } from '@/components/empty-state';

export const metadata = { title: 'Classes' };

export default function Page() {
  return <EmptyState title="Classes">Your classes will appear here.</EmptyState>;
}

import type { CardKind } from '@/core/decks/card-types';

export const KIND_LABELS: Record<CardKind, string> = {
  basic: 'Flashcard',
  cloze: 'Cloze',
  mcq: 'Multiple choice',
  multi: 'Multi-select',
  tf: 'True / false',
  type: 'Type the answer',
};

const KIND_COLORS: Record<CardKind, string> = {
  basic: 'bg-sky-100 text-sky-900 dark:bg-sky-900/50 dark:text-sky-100',
  cloze: 'bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100',
  mcq: 'bg-violet-100 text-violet-900 dark:bg-violet-900/50 dark:text-violet-100',
  multi: 'bg-fuchsia-100 text-fuchsia-900 dark:bg-fuchsia-900/50 dark:text-fuchsia-100',
  tf: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100',
  type: 'bg-rose-100 text-rose-900 dark:bg-rose-900/50 dark:text-rose-100',
};

export function KindBadge({ kind }: { kind: CardKind }) {
  return <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${KIND_COLORS[kind]}`}>{KIND_LABELS[kind]}</span>;
}

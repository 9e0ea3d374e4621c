/**
 * The study screen's key help, for the side of the card on screen: on the front 1–4 (or A–D)
 * choose an option, on the back 1–4 rate; the same digits do different things, so say which.
 */
export function KeyHelp({ kind, side }: { kind: string; side: 'front' | 'back' }) {
  const items: [string, string][] =
    side === 'back'
      ? [
          ['1', 'Again'],
          ['2', 'Hard'],
          ['3', 'Good'],
          ['4', 'Easy'],
          ['Space', 'the suggested rating'],
          ['Ctrl+Z', 'undo'],
        ]
      : kind === 'mcq' || kind === 'tf'
        ? [
            ['1–4 or A–D', 'choose that option'],
            ['Space', 'show the answer'],
          ]
        : kind === 'multi'
          ? [
              ['1–4 or A–D', 'tick or untick an option'],
              ['Space', 'check (or show the answer)'],
            ]
          : kind === 'type'
            ? [['Enter', 'check your answer']]
            : [['Space or Enter', 'show the answer']];
  return (
    <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="key-help">
      <span className="font-semibold">Keys{side === 'back' ? ' (answer side)' : ' (question side)'}: </span>
      {items.map(([key, what], i) => (
        <span key={key} className="whitespace-nowrap">
          <kbd className="rounded border border-slate-300 bg-white px-1.5 py-0.5 font-mono text-xs text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100">
            {key}
          </kbd>{' '}
          {what}
          {i < items.length - 1 ? ' · ' : ''}
        </span>
      ))}
    </p>
  );
}

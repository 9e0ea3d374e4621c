/**
 * The scoring rule in plain words (the same rule as docs/scoring.md, enforced on the server by
 * src/core/game/scoring.ts).
 */
export function ScoringRules({ className = '' }: { className?: string }) {
  return (
    <details className={`rounded-xl bg-white/10 px-4 py-3 text-left ${className}`}>
      <summary className="cursor-pointer font-semibold">How scoring works</summary>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm leading-relaxed">
        <li>
          A right answer earns up to <b>1000 points</b> (2000 in double-points games, 0 in no-points games).
        </li>
        <li>Faster is better: answer within half a second for full points; at the buzzer you still get half.</li>
        <li>Wrong or no answer: 0 points. Pick-all-that-apply: partial credit for some right options, but 0 if you pick a wrong one.</li>
        <li>
          <b>Streak bonus</b>: +100 for your 2nd right answer in a row, +200 for the 3rd, up to +500.
        </li>
        <li>Typed answers ignore case, spaces and punctuation.</li>
        <li>Points are worked out on the server when your answer arrives; your network delay is credited up to ¼ second.</li>
        <li className="opacity-80">The exact formulas are in the project&apos;s scoring rules (docs/scoring.md).</li>
      </ul>
    </details>
  );
}

import { answerStyle } from './answer-style';

/**
 * Kahoot's reveal chart: one coloured bar per option, its height the number of players who
 * chose it; the correct options carry a tick. Plain CSS so it renders instantly on a projector.
 */
export function AnswerChart({ counts, correct, options }: { counts: number[]; correct: number[]; options: string[] }) {
  const max = Math.max(1, ...counts);
  return (
    <figure className="flex flex-col items-center" aria-label="How many players chose each answer">
      <div className="flex h-56 items-end gap-6">
        {counts.map((n, i) => {
          const style = answerStyle(i);
          const ok = correct.includes(i);
          return (
            <div key={i} className="flex w-28 flex-col items-center gap-2">
              <span className="text-3xl font-black tabular-nums">{n}</span>
              <div
                className={`w-full rounded-t-lg ${style.bg} ${ok ? '' : 'opacity-40'}`}
                style={{ height: `${Math.max(6, (n / max) * 160)}px` }}
              />
              <span className="text-3xl" aria-hidden="true">
                {style.shape}
                {ok ? ' ✓' : ''}
              </span>
              <span className="sr-only">
                {options[i]}: {n} {n === 1 ? 'player' : 'players'}
                {ok ? ', correct' : ''}
              </span>
            </div>
          );
        })}
      </div>
    </figure>
  );
}

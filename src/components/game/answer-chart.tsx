import { answerStyle } from './answer-style';

/**
 * Kahoot's reveal chart: one coloured bar per option, its height the number of players who
 * chose it. Correct options carry a tick and full colour; wrong ones a cross and a faded bar, so
 * colour is never the only cue. Plain CSS (bars rise unless reduced motion is asked for), and it
 * takes whatever height the projector leaves it.
 */
export function AnswerChart({ counts, correct, options }: { counts: number[]; correct: number[]; options: string[] }) {
  const max = Math.max(1, ...counts);
  const total = counts.reduce((a, b) => a + b, 0);
  return (
    <figure className="flex min-w-0 flex-1 flex-col" aria-label="How many players chose each answer" data-testid="answer-chart">
      <div className="flex flex-1 items-stretch justify-center gap-[3vmin]">
        {counts.map((n, i) => {
          const style = answerStyle(i);
          const ok = correct.includes(i);
          return (
            <div key={i} className="flex min-w-0 max-w-[9rem] flex-1 flex-col items-center gap-[0.8vmin]" data-testid={`chart-bar-${i}`} data-correct={String(ok)}>
              <span className="pj-num font-black tabular-nums" aria-hidden="true">
                {n}
              </span>
              <div className="flex min-h-[calc(var(--fit,1)*18vh)] w-full flex-1 items-end">
                <div
                  className={`pj-anim-rise w-full rounded-t-lg ${style.bg} ${ok ? 'ring-[0.4vmin] ring-white' : 'opacity-35'} ${BAR_HEIGHT[Math.round((n / max) * 10)]}`}
                />
              </div>
              <span className={`pj-lg font-black ${ok ? '' : 'opacity-70'}`} aria-hidden="true">
                {style.shape}
                {ok ? ' ✓' : ' ✗'}
              </span>
              <span className="sr-only">
                {style.shapeName}, {options[i]}: {n} {n === 1 ? 'player' : 'players'}
                {ok ? ', correct' : ', wrong'}
              </span>
            </div>
          );
        })}
      </div>
      <figcaption className="sr-only">{total} answers in all</figcaption>
    </figure>
  );
}

// why: classes, not a style attribute, so the chart renders under a strict Content-Security-Policy.
const BAR_HEIGHT = ['h-[3%]', 'h-[10%]', 'h-[20%]', 'h-[30%]', 'h-[40%]', 'h-[50%]', 'h-[60%]', 'h-[70%]', 'h-[80%]', 'h-[90%]', 'h-full'];

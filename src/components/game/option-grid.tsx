'use client';
import { answerStyle } from './answer-style';

interface Props {
  options: string[];
  /** Projector tiles are display-only; phone tiles are buttons. */
  variant: 'projector' | 'phone';
  /** Option indexes the player has picked (phone) . */
  selected?: number[];
  /** After the reveal: the correct indexes (others are dimmed). */
  correct?: number[];
  /** After the reveal: how many players chose each option. */
  counts?: number[];
  onPick?: (index: number) => void;
  disabled?: boolean;
  /** Multi-select questions render toggle buttons (aria-pressed). */
  multi?: boolean;
}

/**
 * The four (or more) coloured answer tiles, with a shape and the option text on each. On the
 * projector they share the space left under the prompt and scale with the screen (pj-*).
 */
export function OptionGrid({ options, variant, selected = [], correct, counts, onPick, disabled, multi }: Props) {
  const revealed = correct !== undefined;
  const big = variant === 'projector';
  return (
    <ul className={big ? 'grid w-full flex-1 auto-rows-fr grid-cols-2 gap-[1.5vmin]' : 'grid w-full grid-cols-1 gap-3 sm:grid-cols-2'}>
      {options.map((text, i) => {
        const style = answerStyle(i);
        const isCorrect = correct?.includes(i) ?? false;
        const isSelected = selected.includes(i);
        // why: a wrong option is dimmed by a dark tile (not by opacity) so its text keeps its contrast.
        const dim = revealed && !isCorrect;
        const body = (
          <>
            <span aria-hidden="true" className={`shrink-0 leading-none ${big ? 'pj-lg' : 'text-3xl'}`}>
              {style.shape}
            </span>
            <span className="sr-only">{style.shapeName}: </span>
            <span className={`min-w-0 flex-1 break-words text-left font-bold ${big ? 'pj-md' : 'text-xl'}`}>{text}</span>
            {revealed && (
              <span className={`shrink-0 font-black ${big ? 'pj-lg' : 'text-3xl'}`}>
                <span aria-hidden="true">{isCorrect ? '✓' : '✗'}</span>
                <span className="sr-only">{isCorrect ? ' (correct)' : ' (wrong)'}</span>
              </span>
            )}
            {counts && (
              <span className={`shrink-0 font-black tabular-nums ${big ? 'pj-lg' : 'text-xl'}`}>
                {counts[i] ?? 0}
                <span className="sr-only"> chose this</span>
              </span>
            )}
            {multi && !revealed && (
              <span
                aria-hidden="true"
                className={`flex h-8 w-8 shrink-0 items-center justify-center rounded-md border-4 border-white text-xl font-black ${isSelected ? 'bg-white text-slate-900' : ''}`}
              >
                {isSelected ? '✓' : ''}
              </span>
            )}
          </>
        );
        const surface = dim ? `border-l-[0.6em] ${style.border} bg-slate-900/70 text-slate-100` : `${style.bg} text-white shadow-lg`;
        const size = big ? 'h-full gap-[0.6em] px-[0.9em] py-[0.5em] pj-md' : 'min-h-20 gap-4 px-4 py-4';
        const base = `flex w-full items-center rounded-2xl transition ${surface} ${size} ${isSelected && !multi ? 'ring-8 ring-white/80' : ''} ${
          isCorrect ? 'ring-[0.25em] ring-white' : ''
        }`;
        return (
          <li key={i}>
            {variant === 'phone' && onPick ? (
              <button
                type="button"
                className={`${base} active:scale-[0.98] disabled:cursor-not-allowed`}
                onClick={() => onPick(i)}
                disabled={disabled}
                aria-pressed={multi ? isSelected : undefined}
                data-testid={`option-${i}`}
              >
                {body}
              </button>
            ) : (
              <div className={base} data-testid={`option-${i}`} data-correct={revealed ? String(isCorrect) : undefined}>
                {body}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

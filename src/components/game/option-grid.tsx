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

/** The four (or more) coloured answer tiles, with a shape and the option text on each. */
export function OptionGrid({ options, variant, selected = [], correct, counts, onPick, disabled, multi }: Props) {
  const revealed = correct !== undefined;
  const big = variant === 'projector';
  return (
    <ul className={`grid w-full gap-3 ${big ? 'grid-cols-2 gap-4' : 'grid-cols-1 sm:grid-cols-2'}`}>
      {options.map((text, i) => {
        const style = answerStyle(i);
        const isCorrect = correct?.includes(i) ?? false;
        const isSelected = selected.includes(i);
        const dim = revealed && !isCorrect;
        const body = (
          <>
            <span aria-hidden="true" className={`shrink-0 leading-none ${big ? 'text-5xl' : 'text-3xl'}`}>
              {style.shape}
            </span>
            <span className="sr-only">{style.shapeName}: </span>
            <span className={`min-w-0 flex-1 break-words text-left font-bold ${big ? 'text-3xl leading-tight' : 'text-xl'}`}>
              {text}
            </span>
            {revealed && (
              <span aria-label={isCorrect ? 'correct' : 'wrong'} className={`shrink-0 font-black ${big ? 'text-5xl' : 'text-3xl'}`}>
                {isCorrect ? '✓' : '✗'}
              </span>
            )}
            {counts && (
              <span className={`shrink-0 font-black tabular-nums ${big ? 'text-4xl' : 'text-xl'}`} aria-label={`${counts[i] ?? 0} chose this`}>
                {counts[i] ?? 0}
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
        const base = `flex w-full items-center gap-4 rounded-2xl ${style.bg} text-white shadow-lg transition ${big ? 'min-h-28 px-6 py-5' : 'min-h-20 px-4 py-4'} ${dim ? 'opacity-35' : ''} ${isSelected && !multi ? 'ring-8 ring-white/80' : ''} ${isCorrect ? 'ring-8 ring-white' : ''}`;
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

/**
 * Kahoot-style answer tiles: every option has a colour AND a shape AND its text, so colour is
 * never the only cue (colour-blind players, black-and-white projectors).
 */
export interface AnswerStyle {
  shape: string;
  /** Spoken name of the shape, for screen readers. */
  shapeName: string;
  /** Tile background (white text on it meets WCAG AA for large text). */
  bg: string;
  /** Bar colour in charts. */
  bar: string;
}

const STYLES: AnswerStyle[] = [
  { shape: '▲', shapeName: 'triangle', bg: 'bg-red-600', bar: '#dc2626' },
  { shape: '◆', shapeName: 'diamond', bg: 'bg-blue-600', bar: '#2563eb' },
  { shape: '●', shapeName: 'circle', bg: 'bg-amber-600', bar: '#d97706' },
  { shape: '■', shapeName: 'square', bg: 'bg-green-700', bar: '#15803d' },
];

/** Style of option `index`; games with more than four options reuse the set with a number. */
export function answerStyle(index: number): AnswerStyle {
  return STYLES[index % STYLES.length]!;
}

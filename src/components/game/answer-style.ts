/**
 * Kahoot-style answer tiles: every option has a colour AND a shape AND its text, so colour is
 * never the only cue (colour-blind players, black-and-white projectors).
 */
export interface AnswerStyle {
  shape: string;
  /** Spoken name of the shape, for screen readers. */
  shapeName: string;
  /** Tile background (white text on it meets WCAG AA, 4.5:1, even for small text). */
  bg: string;
  /** Bar colour in charts. */
  bar: string;
  /** Border in the answer's colour (the stripe on a dimmed, wrong tile). */
  border: string;
}

const STYLES: AnswerStyle[] = [
  { shape: '▲', shapeName: 'triangle', bg: 'bg-red-600', bar: '#dc2626', border: 'border-red-500' },
  { shape: '◆', shapeName: 'diamond', bg: 'bg-blue-600', bar: '#2563eb', border: 'border-blue-500' },
  { shape: '●', shapeName: 'circle', bg: 'bg-amber-700', bar: '#d97706', border: 'border-amber-500' },
  { shape: '■', shapeName: 'square', bg: 'bg-green-700', bar: '#15803d', border: 'border-green-600' },
];

/** Style of option `index`; games with more than four options reuse the set with a number. */
export function answerStyle(index: number): AnswerStyle {
  return STYLES[index % STYLES.length]!;
}

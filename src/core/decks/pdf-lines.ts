/**
 * A PDF text layer → lines of text the builder can read. A PDF has no lines or paragraphs, only
 * positioned runs of text; a run that ends a line says so (`hasEOL`), and a vertical gap clearly
 * wider than the page's usual line spacing is a paragraph break, which becomes a blank line (so
 * short title lines stand alone, as plain-text headings do). Pure: the PDF is parsed elsewhere.
 */

export interface PdfTextRun {
  str: string;
  hasEOL: boolean;
  /** Baseline height on the page (PDF units, growing upwards). */
  y: number;
  /** Font size of the run, when known. */
  size?: number;
}

export function pdfPagesToText(pages: PdfTextRun[][]): string {
  const out: string[] = [];
  for (const runs of pages) {
    const lines: { text: string; y: number; size: number }[] = [];
    let current = '';
    let y: number | null = null;
    let size = 0;
    for (const r of runs) {
      if (y === null) y = r.y;
      current += r.str;
      size = Math.max(size, r.size ?? 0);
      if (r.hasEOL) {
        lines.push({ text: current, y, size });
        current = '';
        y = null;
        size = 0;
      }
    }
    if (current.trim() !== '' && y !== null) lines.push({ text: current, y, size });
    const gaps = lines.slice(1).map((l, i) => Math.abs(lines[i].y - l.y)).filter((g) => g > 0);
    // why: the lower quartile, not the median: in notes with many short paragraphs, breaks can
    // outnumber ordinary line steps.
    const usual = lowerQuartile(gaps) ?? 0;
    lines.forEach((l, i) => {
      const gap = i > 0 ? Math.abs(lines[i - 1].y - l.y) : 0;
      // A gap wider than 1.5 usual line steps, or than 1.9 font sizes (ordinary leading is ~1.2).
      const wide = (usual > 0 && gap > usual * 1.5) || (l.size > 0 && gap > l.size * 1.9);
      if (i > 0 && wide) out.push('');
      out.push(l.text.replace(/\s+$/, ''));
    });
    out.push('');
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

function lowerQuartile(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 4)];
}

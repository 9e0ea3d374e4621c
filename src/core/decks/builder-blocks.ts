/**
 * Markup around the facts that the builder should read through rather than about: YAML front
 * matter (dropped), admonitions (`!!! note "Title"` with an indented body, `::: warning` … `:::`,
 * GitHub `> [!NOTE]` callouts) and plain `>` quotes, whose text becomes ordinary lines; pipe
 * tables become one `- first cell: Header 2: cell; Header 3: cell` bullet per row. Fenced code
 * blocks are dropped.
 */
import type { DocLine } from './builder-text';

const MKDOCS = /^\s*(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+"[^"]*")?\s*$/;
const FENCED = /^\s*:::+\s*([\w-]+)?.*$/;
const CALLOUT = /^\s*>\s*\[!(\w+)\][+-]?\s*(.*)$/;
const QUOTE = /^\s*>\s?(.*)$/;

export function unwrapBlocks(lines: DocLine[]): DocLine[] {
  const out: DocLine[] = [];
  let i = 0;
  if (/^---\s*$/.test(lines[0]?.text ?? '')) {
    const end = lines.findIndex((l, k) => k > 0 && /^(---|\.\.\.)\s*$/.test(l.text));
    if (end > 0) i = end + 1;
  }
  let inFence = false;
  for (; i < lines.length; i += 1) {
    const l = lines[i];
    // why: code is not prose to phrase as questions, and its `#` comments are not headings.
    if (/^\s*(```|~~~)/.test(l.text)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    if (MKDOCS.test(l.text)) {
      // The body is the following lines indented by 4 or more (or blank); dedent them.
      for (i += 1; i < lines.length && (/^( {4}|\t)/.test(lines[i].text) || lines[i].text.trim() === ''); i += 1) {
        out.push({ ...lines[i], text: lines[i].text.replace(/^( {4}|\t)/, '') });
      }
      i -= 1;
      continue;
    }
    if (FENCED.test(l.text)) continue;
    const callout = CALLOUT.exec(l.text);
    if (callout) {
      if (callout[2].trim() !== '') out.push({ ...l, text: callout[2] });
      continue;
    }
    if (isTableRow(l.text) && isTableRule(lines[i + 1]?.text ?? '')) {
      const header = cells(l.text);
      for (i += 2; i < lines.length && isTableRow(lines[i].text); i += 1) {
        const row = cells(lines[i].text);
        if (row.length < 2 || row[0] === '') continue;
        const rest = row.slice(1).map((c, k) => (header.length > 2 && header[k + 1] ? `${header[k + 1]}: ${c}` : c)).filter((c) => c.trim() !== '');
        out.push({ ...lines[i], text: `- ${row[0]}: ${rest.join('; ')}` });
      }
      i -= 1;
      continue;
    }
    const def = /^\s*<def>([\s\S]*?)<\/def>\s*$/i.exec(l.text);
    if (def) {
      out.push({ ...l, text: `- ${def[1].trim()}` });
      continue;
    }
    const quote = QUOTE.exec(l.text);
    out.push(quote ? { ...l, text: quote[1] } : l);
  }
  return out;
}

function isTableRow(text: string): boolean {
  return /^\s*\|.*\|\s*$/.test(text);
}

function isTableRule(text: string): boolean {
  return /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(text);
}

function cells(text: string): string[] {
  return text.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
}

/**
 * First pass over a deck file: lines -> header/card blocks of raw fields, with line numbers.
 * Knows the layout (comments, `=== id`, `name: value`, indented continuations, option lines)
 * but not what the fields mean; deck-validate.ts does that.
 */

export interface DeckError {
  /** 1-based line number in the deck file. */
  line: number;
  message: string;
}

export interface RawOption {
  text: string;
  correct: boolean;
  line: number;
}

export interface RawField {
  name: string;
  value: string;
  line: number;
  /** Only for `options:` fields. */
  options?: RawOption[];
}

export interface RawBlock {
  /** Line of `=== id` (or 1 for the header). */
  line: number;
  /** Card id; '' for the header block. */
  id: string;
  fields: RawField[];
}

export interface LexResult {
  header: RawBlock;
  cards: RawBlock[];
  errors: DeckError[];
}

const FIELD_LINE = /^([A-Za-z][A-Za-z0-9_-]*)\s*:(.*)$/;
const OPTION_LINE = /^([-*])(?:\s+(.*)|)$/;

export function lexDeck(text: string): LexResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header: RawBlock = { line: 1, id: '', fields: [] };
  const cards: RawBlock[] = [];
  const errors: DeckError[] = [];
  let block = header;
  let field: RawField | null = null;

  lines.forEach((raw, index) => {
    const line = index + 1;
    const content = raw.replace(/\s+$/, '');
    if (content.trim() === '') return;
    if (content.startsWith('#')) return;

    if (content.startsWith('===')) {
      block = { line, id: content.slice(3).trim(), fields: [] };
      cards.push(block);
      field = null;
      return;
    }

    const indent = content.length - content.trimStart().length;
    if (indent > 0) {
      const body = content.trim();
      if (field === null) {
        errors.push({ line, message: 'indented line does not continue any field' });
      } else if (indent < 2 && !content.startsWith('\t')) {
        errors.push({ line, message: 'continuation lines are indented by two or more spaces' });
      } else if (field.options) {
        addOptionLine(field.options, body, line, errors);
      } else {
        field.value = field.value === '' ? body : `${field.value}\n${body}`;
      }
      return;
    }

    const m = FIELD_LINE.exec(content);
    if (!m) {
      errors.push({ line, message: "expected 'name: value', '=== card-id' or a '#' comment" });
      field = null;
      return;
    }
    const name = m[1];
    const value = m[2].trim();
    field = { name, value, line };
    if (name === 'options') {
      field.options = [];
      if (value !== '') {
        errors.push({ line, message: "list options on the following lines ('  - wrong', '  * correct')" });
      }
    }
    block.fields.push(field);
  });

  return { header, cards, errors };
}

function addOptionLine(options: RawOption[], body: string, line: number, errors: DeckError[]): void {
  const m = OPTION_LINE.exec(body);
  if (m) {
    const text = (m[2] ?? '').trim();
    if (text === '') errors.push({ line, message: 'empty option' });
    options.push({ text, correct: m[1] === '*', line });
    return;
  }
  const last = options[options.length - 1];
  if (!last) {
    errors.push({ line, message: "option lines start with '- ' (wrong) or '* ' (correct)" });
    return;
  }
  // why: a deeper-indented line without a marker continues the option above it, like field values.
  last.text = last.text === '' ? body : `${last.text}\n${body}`;
}

/**
 * Turning one section's prose and bullets into draft facts: term/definition pairs (basic cards)
 * and statements worth a cloze (numbers, limits, durations, sizes, emphasised or named terms).
 */
import { makeCloze } from './cloze';
import { capitalise, emphasisedTerms, isBlank, plainInline, sentences, wordCount, type DocLine } from './builder-text';

export type Draft =
  /** `pair`: a term/definition fact and the label it sits under, for multiple choice among siblings. */
  | { kind: 'basic'; prompt: string; answer: string; basis: string; line: number; pair?: { term: string; group: string } }
  | { kind: 'cloze'; prompt: string; basis: string; line: number };

type Token =
  | { type: 'label'; text: string; line: number }
  | { type: 'bullet'; indent: number; raw: string; line: number }
  | { type: 'para'; raw: string; line: number };

const BULLET = /^(\s*)(?:[-*+•]|\d+[.)])\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;
/** Labels that say nothing about the fact below them. */
const GENERIC_LABEL = /^(key\b.*|important notes?|notes?|how it works|main difference|examples?|common use|overview|summary)$/i;
const SCENARIO_LABEL = /^(use cases?|example scenario|scenario)$/i;
const GENERIC_TERM = /^(use cases?|e\.g\.?|example|note|best practice|common use|ideal for|tip)$/i;

/** A label and the bullets under it: a list card when none of them made a draft on its own. */
interface Group {
  prompt: string | null;
  items: string[];
  drafted: boolean;
  line: number;
}

export function draftFacts(lines: DocLine[], heading: string): Draft[] {
  const drafts: Draft[] = [];
  const groups: Group[] = [];
  const tokens = tokenize(lines);
  let label: string | null = null;
  let labelGroup: Group | null = null;
  let scenario = false;
  let stack: { indent: number; label: string; group: Group }[] = [];
  const openGroup = (prompt: string | null, line: number): Group => {
    const g: Group = { prompt, items: [], drafted: false, line };
    groups.push(g);
    return g;
  };

  tokens.forEach((tok, i) => {
    if (tok.type === 'label') {
      const text = tok.text;
      scenario = SCENARIO_LABEL.test(text);
      const generic = GENERIC_LABEL.test(text);
      label = scenario || generic || wordCount(text) > 6 ? null : text;
      const prompt = scenario ? null : generic ? `${heading}: ${text.toLowerCase()}` : wordCount(text) > 6 ? `${text}:` : text;
      labelGroup = openGroup(prompt, tok.line);
      stack = [];
      return;
    }
    if (scenario) return;
    if (tok.type === 'bullet') {
      const text = plainInline(tok.raw);
      const isLabel = isLabelText(tok.raw);
      stack = stack.filter((s) => s.indent < tok.indent || (s.indent === tok.indent && !isLabel));
      if (isLabel) {
        const own = text.replace(/:$/, '');
        stack.push({ indent: tok.indent, label: own, group: openGroup(own, tok.line) });
        return;
      }
      const group = stack.length > 0 ? stack[stack.length - 1].group : labelGroup;
      const context = [label, ...stack.map((s) => s.label)].filter((c): c is string => !!c && wordCount(c) <= 6);
      const draft = draftFromStatement(tok.raw, context, heading, tok.line, true);
      if (draft) drafts.push(draft);
      if (group) {
        group.items.push(text);
        group.drafted ||= draft !== null;
      }
      return;
    }
    // A paragraph right under a short label, alone there, defines the label ("PITR:" + text).
    const next = tokens[i + 1];
    const previous = tokens[i - 1];
    let raw = tok.raw;
    if (raw.trim().endsWith(':') && next?.type === 'para') raw = `${raw} ${next.raw}`;
    if (label && previous?.type === 'label' && (!next || next.type === 'label') && !hasNumbers(plainInline(raw))) {
      drafts.push({ kind: 'basic', prompt: askAbout(label, plainInline(raw), []), answer: capitalise(plainInline(raw)), basis: label, line: tok.line });
      if (labelGroup) labelGroup.drafted = true;
      return;
    }
    if (previous?.type === 'para' && previous.raw.trim().endsWith(':')) return;
    for (const sentence of sentences(raw)) {
      const draft = draftFromStatement(sentence, label ? [label] : [], heading, tok.line, false);
      if (draft) drafts.push(draft);
    }
  });

  for (const g of groups) {
    const items = g.items.filter((t) => wordCount(t) <= 20).slice(0, 8);
    if (g.prompt && !g.drafted && items.length > 0) {
      drafts.push({ kind: 'basic', prompt: listQuestion(g.prompt), answer: items.join('\n'), basis: g.prompt, line: g.line });
    }
  }
  return drafts;
}

function isLabelText(raw: string): boolean {
  const t = raw.trim();
  return t.endsWith(':') || /^(\*\*|__)[^*_]+(\*\*|__)$/.test(t);
}

/** The chain: numbers -> cloze; term/definition -> basic; "X is a ..." -> basic; named term -> cloze. */
function draftFromStatement(raw: string, context: string[], heading: string, line: number, isBullet: boolean): Draft | null {
  const text = plainInline(raw);
  if (wordCount(text) < 3) {
    const eq = equation(text);
    if (!eq) return null;
  }
  const prefix = context.length > 0 ? `${context.join(' › ')}: ` : '';
  const numbers = numericTargets(text);
  if (numbers.length > 0) {
    const prompt = makeCloze(text, numbers.slice(0, 3));
    if (prompt) return { kind: 'cloze', prompt: prefix + prompt, basis: text, line };
  }
  const pair = (isBullet ? termDefinition(text) : null) ?? equation(text);
  if (pair) {
    const group = context.join(' › ');
    return { kind: 'basic', prompt: askAbout(pair.term, pair.definition, context), answer: capitalise(pair.definition), basis: pair.term, line, pair: { term: pair.term, group } };
  }
  const def = definition(text);
  if (def) return { kind: 'basic', prompt: def.question, answer: def.answer, basis: def.subject, line };
  // why: a cloze that hides (nearly) the whole statement asks nothing.
  const named = namedTerms(raw, text, heading).filter((t) => t.length < text.length * 0.6);
  if (named.length > 0) {
    const prompt = makeCloze(text, named.slice(0, 2));
    if (prompt) return { kind: 'cloze', prompt: prefix + prompt, basis: text, line };
  }
  return null;
}

const IMPERATIVE =
  /^(use|add|set|create|implement|monitor|document|sample|define|configure|enable|disable|avoid|keep|run|check|apply|prefer|limit|ensure|review|store|rotate|encrypt|restrict|instrument|process|include|remember|test|plan|deploy|install|update|start|stop)\s/i;

/**
 * A real question about a term from its definition: "What does X do?" when the definition starts
 * with a verb ("Scrapes and stores metrics"), otherwise "What is X?" / "What are X?"; the label it
 * sits under, if any, leads ("In RED Method, what is Rate?").
 */
export function askAbout(term: string, definition: string, context: string[]): string {
  const [first = '', second = ''] = definition.trim().split(/\s+/);
  const last = term.split(/\s+/).pop() ?? '';
  const plural = /[a-z]s$/.test(last) && !/(ss|us|is)$/.test(last);
  // why: "Scrapes and stores metrics" answers "what does it do", not "what is it".
  // A plural noun also ends in s ("messages arrive ..."): only count it as a verb before an object word.
  const verb =
    /^[A-Za-z][a-z]+s$/.test(first) &&
    !/(ss|us|is|ous)$/i.test(first) &&
    /^(a|an|the|and|or|its|their|your|all|each|every|one|up|out|to|in|on|from|with|for|data|how|what|when)$/i.test(second);
  // why: "Use structured logging: JSON format" is advice, not a thing that "is" something.
  if (IMPERATIVE.test(term)) return `${context.length > 0 ? `In ${context.join(' › ')}, w` : 'W'}hat does “${term}” involve?`;
  const core = verb ? `what ${plural ? 'do' : 'does'} ${term} do?` : `what ${plural ? 'are' : 'is'} ${term}?`;
  if (context.length === 0) return capitalise(core);
  return `In ${context.join(' › ')}, ${core}`;
}

/**
 * The question for a list card: "What are the key points of Amazon SQS?" for a generic label
 * (`Heading: key points`), "Name the points listed under “Encryption”." otherwise.
 */
function listQuestion(label: string): string {
  const text = label.replace(/:$/, '').trim();
  if (/\?$/.test(text)) return text;
  const generic = /^(.+): ([^:]+)$/.exec(text);
  if (generic) return `What are the ${generic[2]} of ${generic[1]}?`;
  return `Name the points listed under “${text}”.`;
}

function tokenize(lines: DocLine[]): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const l = lines[i];
    if (isBlank(l)) continue;
    const t = l.text.trim();
    const md = /^#{1,6}\s+(.+)$/.exec(t);
    const numbered = NUMBERED.exec(l.text);
    const alone = isBlank(lines[i - 1]) && isBlank(lines[i + 1]);
    if (md) {
      tokens.push({ type: 'label', text: plainInline(md[1]).replace(/:$/, ''), line: l.line });
    } else if (numbered && alone && isTitleLike(numbered[1])) {
      tokens.push({ type: 'label', text: plainInline(numbered[1]), line: l.line });
    } else if (BULLET.test(l.text)) {
      const m = BULLET.exec(l.text);
      tokens.push({ type: 'bullet', indent: m?.[1].replace(/\t/g, '  ').length ?? 0, raw: m?.[2] ?? '', line: l.line });
    } else if (t.endsWith(':') && (wordCount(t) <= 12 || BULLET.test(nextNonBlank(lines, i + 1)?.text ?? ''))) {
      tokens.push({ type: 'label', text: plainInline(t).replace(/:$/, ''), line: l.line });
    } else {
      const prev = tokens[tokens.length - 1];
      // why: Markdown wraps paragraphs over several lines; the notes keep one per line.
      if (prev?.type === 'para' && !isBlank(lines[i - 1])) prev.raw = `${prev.raw} ${t}`;
      else tokens.push({ type: 'para', raw: t, line: l.line });
    }
  }
  return tokens;
}

function nextNonBlank(lines: DocLine[], from: number): DocLine | undefined {
  for (let k = from; k < lines.length; k += 1) if (!isBlank(lines[k])) return lines[k];
  return undefined;
}

function isTitleLike(text: string): boolean {
  return wordCount(text) <= 8 && !/[.,;!?]$/.test(text.trim());
}

// why: a number is cut only whole: "1,25,00,000" (Indian grouping) or "1.5.2" never lose a part.
const NUMBER = /(?<![\p{L}\p{N}_\-/.,@$])(\d+(?:,\d+)+|\d+(?:\.\d+)?)(?![\p{N}]|[.,]\p{N})/gu;
const UNIT =
  /^(?:\s?(?:KB|MB|GB|TB|PB|KiB|MiB|GiB|TiB|ms|µs)(?:\/(?:sec|s|second))?|\s(?:milliseconds?|microseconds?|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)|x|%|\s[\p{L}-]+\/(?:sec|s|second)|\s[\p{L}-]+ per (?:second|minute|hour|day|month|shard|region))(?![\p{L}\p{N}])/u;

/** "256 KB", "14 days", "300 messages per second", "10x", "1,000"; bare numbers only from 10 up. */
export function numericTargets(text: string): string[] {
  const targets: string[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const at = (m.index ?? 0) + m[0].length;
    const rest = text.slice(at);
    if (/^[\p{L}]/u.test(rest) && !/^x(?![\p{L}])/u.test(rest)) continue;
    const unit = UNIT.exec(rest);
    if (unit) targets.push(m[0] + unit[0]);
    else if (Number(m[0].replace(/,/g, '')) >= 10) targets.push(m[0]);
  }
  return [...new Set(targets)];
}

function hasNumbers(text: string): boolean {
  return numericTargets(text).length > 0;
}

/** "Term – definition" or "Term: definition", the term short and title-like. */
export function termDefinition(text: string): { term: string; definition: string } | null {
  const m = /^(.{2,60}?)(?:\s[–—-]\s|:\s)(.+)$/.exec(text);
  if (!m) return null;
  const term = m[1].trim();
  const definition = m[2].trim();
  if (wordCount(term) > 6 || GENERIC_TERM.test(term) || !/^[\p{Lu}\p{N}]/u.test(term)) return null;
  if (wordCount(definition) < 2) return null;
  return { term, definition };
}

function equation(text: string): { term: string; definition: string } | null {
  const m = /^([^=]{2,50}?)\s=\s([^=]+)$/.exec(text);
  return m ? { term: m[1].trim(), definition: m[2].trim() } : null;
}

/** "Amazon SQS (Simple Queue Service) is a fully managed ..." -> What is ...? */
function definition(text: string): { subject: string; question: string; answer: string } | null {
  const m = /^(.{2,70}?)\s(is|are)\s(an?|the)\s(.+)$/.exec(text);
  if (!m) return null;
  const subject = m[1].trim();
  if (wordCount(subject) > 8 || subject.includes(',') || !/^[\p{Lu}\p{N}]/u.test(subject) || /^(it|this|that|there|these|they)$/i.test(subject)) {
    return null;
  }
  const shown = subject.replace(/^The\s/, 'the ');
  return { subject, question: `What ${m[2]} ${shown}?`, answer: capitalise(`${m[3]} ${m[4]}`) };
}

/** Bold/`code` terms, then API-style names (s3:GetObject, WaitTimeSeconds), skipping the heading's own words. */
function namedTerms(raw: string, text: string, heading: string): string[] {
  // why: clozing a heading's own words is trivial, except in "X vs Y" sections where telling X from Y is the point.
  const comparison = /\svs\.?\s/i.test(heading);
  const inHeading = (t: string) => !comparison && heading.toLowerCase().includes(t.toLowerCase());
  const emphasised = emphasisedTerms(raw).filter((t) => text.includes(t) && !inHeading(t) && wordCount(t) <= 6);
  if (emphasised.length > 0) return emphasised;
  const api = [...text.matchAll(/\b[a-z0-9]+:[A-Z][A-Za-z]+\b|\b[A-Z][a-z]+(?:[A-Z][a-z]+){2,}\b/g)].map((m) => m[0]);
  return [...new Set(api)].filter((t) => !inHeading(t));
}

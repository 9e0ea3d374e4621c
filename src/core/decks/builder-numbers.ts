/**
 * Numbers with units in study notes: what a token such as "256 KB", "14 days" or "300 messages per
 * second" measures (its unit family) and its value in a base unit, so that "1 MB" and "1,024 KB" are
 * known to be the same amount; and labelled limits ("Execution timeout: up to 15 minutes") turned
 * into real questions.
 */
import { capitalise, wordCount } from './builder-text';

export interface Quantity {
  /** The token as written in the document ("1,024 KB"). */
  text: string;
  /** What it measures: "size", "size/s", "duration", "%", "x", "rate:record", "count:message", ... */
  family: string;
  /**
   * The amount in the family's base unit (bytes, seconds, per second). Sizes get two readings,
   * decimal and binary, because notes write "1 MB" for both 1,000 KB and 1,024 KB.
   */
  bases: number[];
}

// why: a number is cut only whole: "1,25,00,000" (Indian grouping) or "1.5.2" never lose a part.
const NUMBER = /(?<![\p{L}\p{N}_\-/.,@$])(\d+(?:,\d+)+|\d+(?:\.\d+)?)(?![\p{N}]|[.,]\p{N})/gu;
// why: a counted thing belongs to its number ("10 messages", "300 TPS"): hiding only "10" leaves the
// student guessing at the wrong thing. The nouns are a fixed list, so "Java 11 at" stays a bare number.
const UNIT =
  /^(?:\s?(?:KB|MB|GB|TB|PB|KiB|MiB|GiB|TiB|ms|µs)(?:\/(?:sec|s|second))?|\s(?:milliseconds?|microseconds?|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)|x|%|\s[\p{L}-]+\/(?:sec|s|second)|\s[\p{L}-]+ per (?:second|minute|hour|day|month|shard|region|batch|request|account|queue|topic|function|table)|\s(?:TPS|RPS|IOPS|RCUs?|WCUs?|vCPUs?|AZs?|retry|retries|index(?:es)?|(?:message|record|request|transaction|shard|partition|consumer|item|attempt|instance|node|pod|replica|connection|invocation|subscription|subscriber|topic|queue|function|layer|character|attribute|tag|call|syscall|region|event|target|rule|user|group|role|key|bucket|table|stream|operation|file|object|column|row|digit|byte|bit)s?))(?![\p{L}\p{N}])/u;

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

const SIZE_POWER: Record<string, number> = { kb: 1, kib: 1, mb: 2, mib: 2, gb: 3, gib: 3, tb: 4, tib: 4, pb: 5 };
const SECONDS: Record<string, number> = {
  µs: 1e-6, microsecond: 1e-6, ms: 1e-3, millisecond: 1e-3, second: 1, sec: 1, s: 1, minute: 60, min: 60,
  hour: 3600, hr: 3600, day: 86400, week: 604800, month: 2592000, year: 31536000,
};
const PER: Record<string, number> = { second: 1, sec: 1, s: 1, minute: 60, hour: 3600, day: 86400, month: 2592000 };

/** "records" -> "record", "retries" -> "retry"; TPS-style acronyms are kept. */
function singular(word: string): string {
  const w = word.toLowerCase();
  if (/^[A-Z]+s?$/.test(word)) return word.replace(/s$/, '').toUpperCase();
  if (w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (/(ss|us|is)$/.test(w)) return w;
  return w.replace(/s$/, '');
}

/** The quantity a numeric token (from `numericTargets`) stands for; null for a bare number. */
export function parseQuantity(token: string): Quantity | null {
  const m = /^(\d+(?:,\d+)*(?:\.\d+)?)\s?(.*)$/u.exec(token.trim());
  if (!m) return null;
  const value = Number(m[1].replace(/,/g, ''));
  const unit = m[2].trim();
  if (!Number.isFinite(value) || unit === '') return null;
  if (unit === '%') return { text: token, family: '%', bases: [value] };
  if (unit === 'x') return { text: token, family: 'x', bases: [value] };
  const size = /^([KMGTP]i?B)(\/(?:sec|s|second))?$/i.exec(unit);
  if (size) {
    const power = SIZE_POWER[size[1].toLowerCase()];
    return { text: token, family: size[2] ? 'size/s' : 'size', bases: [value * 1000 ** power, value * 1024 ** power] };
  }
  const time = /^(µs|ms|[a-z]+?)s?$/i.exec(unit);
  if (time && SECONDS[time[1].toLowerCase()] !== undefined) {
    return { text: token, family: 'duration', bases: [value * SECONDS[time[1].toLowerCase()]] };
  }
  const rate = /^([\p{L}-]+)(?:\/(sec|s|second)| per (second|minute|hour|day|month))$/u.exec(unit);
  if (rate) {
    const per = PER[(rate[2] ?? rate[3]).toLowerCase()];
    return { text: token, family: `rate:${singular(rate[1])}`, bases: [value / per] };
  }
  const per = /^([\p{L}-]+) per ([\p{L}]+)$/u.exec(unit);
  if (per) return { text: token, family: `per-${singular(per[2])}:${singular(per[1])}`, bases: [value] };
  if (/^[\p{L}-]+$/u.test(unit)) return { text: token, family: `count:${singular(unit)}`, bases: [value] };
  return null;
}

/** Same family and the same amount under some reading ("1 MB" = "1,024 KB" = "1,000 KB"). */
export function sameAmount(a: Quantity, b: Quantity): boolean {
  if (a.family !== b.family) return false;
  return a.bases.some((x) => b.bases.some((y) => Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y))));
}

export type LimitKind = 'maximum' | 'minimum' | 'default' | 'range' | 'value';

const MAXIMUM = /^(?:up to|max(?:imum)?(?: of)?:?|at most|no more than|limit(?:ed)? (?:of|to)|capped at)\s+/i;
const MINIMUM = /^(?:min(?:imum)?(?: of)?:?|at least|no less than)\s+/i;
const DEFAULT = /^(?:default(?:s to)?:?|by default)\s+/i;
const DEFAULT_AFTER = /^\s*(?:\(?by default\)?|\(default\))/i;

export interface LimitFact {
  kind: LimitKind;
  question: string;
  answer: string;
  /** The quantity asked about. */
  token: string;
}

/**
 * "Execution timeout: up to 15 minutes" -> "In Lambda, what is the maximum execution timeout?";
 * "Memory: 128 MB to 10 GB" -> "... what is the range of memory?". Only a short noun-like label
 * followed by a quantity with a unit (`tokens` are the statement's numeric tokens, in order).
 * `where` names the section and labels the fact sits under.
 */
export function limitQuestion(text: string, tokens: string[], where: string[]): LimitFact | null {
  const m = /^([^:]{2,48}):\s+(.+)$/.exec(text);
  if (!m) return null;
  const label = m[1].trim();
  const value = m[2].trim();
  if (wordCount(label) > 4 || wordCount(value) > 14 || !/^\p{L}/u.test(label)) return null;
  if (/\b(is|are|was|has|have|can|provides?|supports?|uses?|means?|e\.g|example|note)\b/i.test(label)) return null;
  // why: "With layers or S3: up to 250 MB" qualifies the label above it; it names no quantity of its own.
  if (/^(with|without|for|in|on|by|from|to|at|via|when|if|after|before|using)\b/i.test(label)) return null;
  let rest = value;
  let kind: LimitKind = 'value';
  for (const [re, k] of [[MAXIMUM, 'maximum'], [MINIMUM, 'minimum'], [DEFAULT, 'default']] as const) {
    if (re.test(rest)) {
      kind = k;
      rest = rest.replace(re, '');
      break;
    }
  }
  const first = tokens.find((t) => rest.startsWith(t));
  if (!first || !parseQuantity(first)) return null;
  const after = rest.slice(first.length);
  const second = /^\s*(?:to|–|-)\s*(.+)$/.exec(after);
  const upper = second ? tokens.find((t) => second[1].startsWith(t)) : undefined;
  if (kind === 'value' && upper && parseQuantity(upper)?.family === parseQuantity(first)?.family) kind = 'range';
  else if (kind === 'value' && DEFAULT_AFTER.test(after)) kind = 'default';
  const family = parseQuantity(first)?.family ?? '';
  // why: "SQS" or "TTL" stay as written; "Execution timeout" reads as a noun phrase mid-sentence.
  const name = /\p{Lu}/u.test(label.slice(1)) ? label : label.charAt(0).toLowerCase() + label.slice(1);
  const core =
    kind === 'range' ? `what is the range of ${name}?`
    : kind !== 'value' ? `what is the ${kind} ${name}?`
    : family === 'duration' ? `how long is ${name}?`
    : family === 'size' ? `how large is ${name}?`
    : `what is ${name}?`;
  const places = where.filter((w) => w.trim() !== '');
  const question = places.length > 0 ? `In ${places.join(' › ')}, ${core}` : capitalise(core);
  return { kind, question, answer: capitalise(value), token: first };
}

/** "The visibility timeout defaults to 30 seconds" -> "In SQS, what is the default visibility timeout?" */
export function defaultQuestion(text: string, tokens: string[], where: string[]): LimitFact | null {
  const m = /^(?:the\s+)?(.{2,48}?)\s+defaults\s+to\s+(.+?)\.?$/i.exec(text.trim());
  if (!m) return null;
  const subject = m[1].trim();
  const token = tokens.find((t) => m[2].startsWith(t));
  // why: only a plain subject and a value with nothing after it but a parenthesis; a longer
  // clause ("... defaults to 4 days unless ...") says more than the question would ask.
  if (!token || !parseQuantity(token) || wordCount(subject) > 4 || !/^\p{L}/u.test(subject)) return null;
  if (!/^\s*(\(.*\))?$/.test(m[2].slice(token.length))) return null;
  const name = /\p{Lu}/u.test(subject.slice(1)) ? subject : subject.charAt(0).toLowerCase() + subject.slice(1);
  const places = where.filter((w) => w.trim() !== '');
  const core = `what is the default ${name}?`;
  return { kind: 'default', question: places.length > 0 ? `In ${places.join(' › ')}, ${core}` : capitalise(core), answer: capitalise(m[2]), token };
}

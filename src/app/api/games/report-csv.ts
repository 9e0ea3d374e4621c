import type { GameReport, ReportQuestion } from '@/server/games';

/**
 * One CSV field. Quoted always; a leading = + - @ (or tab/CR) gets a ' so a spreadsheet shows
 * a nickname like `=HYPERLINK(...)` as text instead of running it (CSV injection).
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '""';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

function describeChoice(q: ReportQuestion, choice: number[] | string): string {
  if (typeof choice === 'string') return choice;
  return choice.map((i) => q.options?.[i] ?? `#${i + 1}`).join(' | ');
}

function correctAnswer(q: ReportQuestion): string {
  if (q.options && q.correct) return q.correct.map((i) => q.options![i] ?? '').join(' | ');
  return q.answerText;
}

/**
 * UTF-8 byte-order mark. why: Excel opens a CSV without it in the PC's legacy code page, so
 * accents and emoji in nicknames and prompts turn into mojibake; with it, Excel reads UTF-8.
 */
export const CSV_BOM = '\uFEFF';

/** The file as downloaded: the BOM, then the CSV. */
export function reportCsvFile(report: GameReport): string {
  return CSV_BOM + reportToCsv(report);
}

export const REPORT_CSV_HEADER = [
  'rank',
  'nickname',
  'score',
  'question',
  'prompt',
  'kind',
  'correct_answer',
  'answer',
  'correct',
  'points',
  'response_ms',
];

/**
 * The report as one row per player per question (long format: easy to pivot or filter in a
 * spreadsheet). Unanswered questions have an empty answer and `correct` false. Kicked players are left out.
 */
export function reportToCsv(report: GameReport): string {
  const lines = [REPORT_CSV_HEADER.join(',')];
  for (const p of report.players) {
    if (p.kicked) continue;
    for (const q of report.questions) {
      const a = p.answers[q.index] ?? null;
      lines.push(
        [
          csvField(p.finalRank),
          csvField(p.nickname),
          csvField(p.score),
          csvField(q.index + 1),
          csvField(q.prompt),
          csvField(q.kind),
          csvField(correctAnswer(q)),
          csvField(a ? describeChoice(q, a.choice) : ''),
          csvField(a ? a.correct : false),
          csvField(a ? a.points : 0),
          csvField(a ? a.responseMs : null),
        ].join(','),
      );
    }
  }
  return lines.join('\r\n') + '\r\n';
}

/** A safe download name from the game title. */
export function reportFileName(report: Pick<GameReport, 'title' | 'createdAt'>): string {
  const slug = report.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'game';
  return `${slug}-${report.createdAt.toISOString().slice(0, 10)}-report.csv`;
}

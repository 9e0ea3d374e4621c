import type { ReactNode } from 'react';
import type { CardData } from '@/core/decks/card-types';
import { KindBadge } from './kinds';

export interface Preview {
  ok: boolean;
  format?: string;
  title: string;
  cards: CardData[];
  errors: { line: number; message: string }[];
  rowErrors: { line: number; message: string }[];
  warnings: string[];
  reviews: number;
}

const SHOWN = 100;
const FORMATS: Record<string, string> = {
  'studyroom-json': 'a deck exported from StudyRoom (JSON)',
  'studyroom-csv': 'a deck exported from StudyRoom (CSV)',
  'anki-text': 'an Anki text export',
  'anki-package': 'an Anki package',
};

function where(e: { line: number }): string {
  return e.line > 0 ? `Line ${e.line}` : 'File';
}

/** What an import would create: whole-file errors, the rows left out, warnings and the cards. */
export function ImportPreview({ preview, children }: { preview: Preview; children?: ReactNode }) {
  const bad = preview.rowErrors.length;
  return (
    <section aria-labelledby="preview-heading" className="flex flex-col gap-4">
      <h2 id="preview-heading" className="text-xl font-bold">
        Preview: {preview.cards.length} cards
        {bad > 0 ? `, ${bad} ${bad === 1 ? 'row' : 'rows'} left out` : ''}
        {preview.errors.length > 0 ? `, ${preview.errors.length} ${preview.errors.length === 1 ? 'error' : 'errors'}` : ''}
      </h2>
      {preview.format && preview.ok && <p className="text-sm text-slate-600 dark:text-slate-400">Read as {FORMATS[preview.format] ?? preview.format}.</p>}
      {preview.errors.length > 0 && (
        <ul className="card flex flex-col gap-1 border-l-4 border-red-500 text-sm" aria-label="Errors" data-testid="import-errors">
          {preview.errors.map((e, i) => (
            <li key={i}>
              <span className="font-semibold">{where(e)}:</span> {e.message}
            </li>
          ))}
        </ul>
      )}
      {bad > 0 && (
        <div className="card flex flex-col gap-2 border-l-4 border-amber-500 text-sm">
          <p className="font-semibold">These rows will not be imported. Save the other cards, or fix the file and preview again:</p>
          <ul className="flex flex-col gap-1" aria-label="Rows left out" data-testid="import-row-errors">
            {preview.rowErrors.map((e, i) => (
              <li key={i}>
                <span className="font-semibold">{where(e)}:</span> {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {preview.warnings.length > 0 && (
        <ul className="card flex flex-col gap-1 border-l-4 border-sky-400 text-sm" aria-label="Warnings">
          {preview.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
      {children}
      {preview.cards.length > 0 && (
        <div className="card overflow-x-auto p-0">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs uppercase text-slate-500 dark:bg-slate-800 dark:text-slate-400">
              <tr>
                <th className="px-3 py-2">Kind</th>
                <th className="px-3 py-2">Front</th>
                <th className="px-3 py-2">Back</th>
                <th className="px-3 py-2">Section</th>
                <th className="px-3 py-2">Tags</th>
              </tr>
            </thead>
            <tbody>
              {preview.cards.slice(0, SHOWN).map((c, i) => (
                <tr key={`${c.key}-${i}`} className="border-t border-slate-100 align-top dark:border-slate-800">
                  <td className="px-3 py-2">
                    <KindBadge kind={c.kind} />
                  </td>
                  <td className="whitespace-pre-line px-3 py-2">{c.prompt}</td>
                  <td className="whitespace-pre-line px-3 py-2">{c.answer}</td>
                  <td className="px-3 py-2 text-xs text-slate-500">{c.section}</td>
                  <td className="px-3 py-2 text-xs text-slate-500">{c.tags?.join(' ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.cards.length > SHOWN && <p className="px-3 py-2 text-sm text-slate-500">…and {preview.cards.length - SHOWN} more cards.</p>}
        </div>
      )}
    </section>
  );
}

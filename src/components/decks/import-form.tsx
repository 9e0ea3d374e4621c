'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { CardData } from '@/core/decks/card-types';
import { postJson, readTextFile } from './client-io';
import { KindBadge } from './kinds';

interface Preview {
  ok: boolean;
  title: string;
  cards: CardData[];
  errors: { line: number; message: string }[];
  warnings: string[];
}

const SEPARATORS = [
  ['auto', 'Detect'],
  ['comma', 'Comma (CSV)'],
  ['tab', 'Tab (TSV)'],
  ['semicolon', 'Semicolon'],
  ['pipe', 'Pipe'],
] as const;
const SHOWN = 100;

/** Anki-style CSV/TSV import: choose or paste → preview with line errors → save as a new deck. */
export function ImportForm() {
  const router = useRouter();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | undefined>();
  const [title, setTitle] = useState('');
  const [separator, setSeparator] = useState<(typeof SEPARATORS)[number][0]>('auto');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewedText, setPreviewedText] = useState<string | null>(null);
  const [busy, setBusy] = useState<'preview' | 'save' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const body = () => ({ text, title: title.trim() || undefined, separator, fileName });

  async function onFile(file: File | undefined) {
    setError(null);
    setPreview(null);
    if (!file) return;
    const read = await readTextFile(file);
    if (!read.ok) {
      setError(read.message);
      return;
    }
    setFileName(file.name);
    setText(read.text);
    if (!title) setTitle(file.name.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' '));
  }

  async function runPreview() {
    setBusy('preview');
    setError(null);
    const res = await postJson<Preview>('/api/decks/import/preview', body());
    setBusy(null);
    if (!res.ok) {
      setPreview(null);
      setError(res.error.message);
      return;
    }
    setPreview(res.data);
    setPreviewedText(text);
  }

  async function save() {
    setBusy('save');
    setError(null);
    const res = await postJson<{ deck: { id: string } }>('/api/decks/import', body());
    if (!res.ok) {
      setBusy(null);
      setError(res.error.message);
      return;
    }
    router.push(`/decks/${encodeURIComponent(res.data.deck.id)}`);
    router.refresh();
  }

  const canSave = preview?.ok && previewedText === text && preview.cards.length > 0;

  return (
    <div className="flex flex-col gap-6">
      <form
        className="card flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          void runPreview();
        }}
      >
        <p className="text-sm text-slate-600 dark:text-slate-400">
          One card per row: <strong>front</strong>, <strong>back</strong>, then optional space-separated <strong>tags</strong>. Anki&apos;s
          headers <code>#separator:</code>, <code>#columns:</code> and <code>#tags:</code> are honoured. Up to 2 MB.
        </p>
        <label className="flex flex-col gap-1 text-sm font-medium">
          File (.csv, .tsv or .txt)
          <input
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
            className="field py-1.5"
            onChange={(e) => void onFile(e.target.files?.[0])}
          />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          …or paste the rows
          <textarea
            className="field min-h-40 font-mono text-sm"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setFileName(undefined);
            }}
            placeholder={'#separator:tab\nWhat is SQS?\tA managed message queue\tsqs basics'}
            spellCheck={false}
          />
        </label>
        <div className="grid gap-4 sm:grid-cols-2">
          <label className="flex flex-col gap-1 text-sm font-medium">
            Deck title
            <input className="field" value={title} maxLength={120} onChange={(e) => setTitle(e.target.value)} placeholder="Imported deck" />
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium">
            Separator
            <select className="field" value={separator} onChange={(e) => setSeparator(e.target.value as typeof separator)}>
              {SEPARATORS.map(([v, label]) => (
                <option key={v} value={v}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="flex flex-wrap gap-3">
          <button type="submit" className="btn btn-primary" disabled={busy !== null || text.trim() === ''}>
            {busy === 'preview' ? 'Reading…' : 'Preview'}
          </button>
          <button type="button" className="btn btn-secondary" disabled={!canSave || busy !== null} onClick={() => void save()}>
            {busy === 'save' ? 'Saving…' : `Save as a new deck${preview?.ok ? ` (${preview.cards.length} cards)` : ''}`}
          </button>
          <Link href="/decks" className="btn btn-secondary">
            Cancel
          </Link>
        </div>
        {error && (
          <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/60 dark:text-red-200">
            {error}
          </p>
        )}
        {preview && previewedText !== text && <p className="text-sm text-amber-700 dark:text-amber-300">The text changed: preview again before saving.</p>}
      </form>

      {preview && (
        <section aria-labelledby="preview-heading" className="flex flex-col gap-4">
          <h2 id="preview-heading" className="text-xl font-bold">
            Preview: {preview.cards.length} cards{preview.errors.length > 0 ? `, ${preview.errors.length} ${preview.errors.length === 1 ? 'error' : 'errors'}` : ''}
          </h2>
          {preview.errors.length > 0 && (
            <ul className="card flex flex-col gap-1 border-l-4 border-red-500 text-sm" aria-label="Errors" data-testid="import-errors">
              {preview.errors.map((e, i) => (
                <li key={i}>
                  <span className="font-semibold">{e.line > 0 ? `Line ${e.line}` : 'File'}:</span> {e.message}
                </li>
              ))}
            </ul>
          )}
          {preview.warnings.length > 0 && (
            <ul className="card flex flex-col gap-1 border-l-4 border-amber-400 text-sm" aria-label="Warnings">
              {preview.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          )}
          {preview.cards.length > 0 && (
            <div className="card overflow-x-auto p-0">
              <table className="w-full text-left text-sm">
                <thead className="bg-slate-50 text-xs uppercase text-slate-500 dark:bg-slate-800 dark:text-slate-400">
                  <tr>
                    <th className="px-3 py-2">Kind</th>
                    <th className="px-3 py-2">Front</th>
                    <th className="px-3 py-2">Back</th>
                    <th className="px-3 py-2">Tags</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.cards.slice(0, SHOWN).map((c) => (
                    <tr key={c.key} className="border-t border-slate-100 align-top dark:border-slate-800">
                      <td className="px-3 py-2">
                        <KindBadge kind={c.kind} />
                      </td>
                      <td className="whitespace-pre-line px-3 py-2">{c.prompt}</td>
                      <td className="whitespace-pre-line px-3 py-2">{c.answer}</td>
                      <td className="px-3 py-2 text-xs text-slate-500">{c.tags?.join(' ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {preview.cards.length > SHOWN && (
                <p className="px-3 py-2 text-sm text-slate-500">…and {preview.cards.length - SHOWN} more cards.</p>
              )}
            </div>
          )}
        </section>
      )}
    </div>
  );
}

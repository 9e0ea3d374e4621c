'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { CardData } from '@/core/decks/card-types';
import { postJson, readBase64File, readTextFile } from './client-io';
import { ImportPreview, type Preview } from './import-preview';

const SEPARATORS = [
  ['auto', 'Detect'],
  ['comma', 'Comma (CSV)'],
  ['tab', 'Tab (TSV)'],
  ['semicolon', 'Semicolon'],
  ['pipe', 'Pipe'],
] as const;
/** Largest Anki package, as the server's limit: 16,777,216 bytes (16 MiB). */
const MAX_PACKAGE_BYTES = 16 * 1024 * 1024;

export interface OwnDeck {
  id: string;
  title: string;
}

type Source = { kind: 'text' } | { kind: 'package'; data: string; name: string };

/**
 * Import: a text file (Anki text export, our CSV/JSON export) or an Anki package → preview with
 * every bad row listed → the user saves the good cards (as a new deck or over one of theirs).
 */
export function ImportForm({ ownDecks }: { ownDecks: OwnDeck[] }) {
  const router = useRouter();
  const [text, setText] = useState('');
  const [source, setSource] = useState<Source>({ kind: 'text' });
  const [fileName, setFileName] = useState<string | undefined>();
  const [title, setTitle] = useState('');
  const [separator, setSeparator] = useState<(typeof SEPARATORS)[number][0]>('auto');
  const [target, setTarget] = useState('new');
  const [keepSchedule, setKeepSchedule] = useState(true);
  const [preview, setPreview] = useState<(Preview & { cards: CardData[] }) | null>(null);
  const [previewedKey, setPreviewedKey] = useState<string | null>(null);
  const [busy, setBusy] = useState<'read' | 'preview' | 'save' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const inputKey = source.kind === 'package' ? `pkg:${source.name}:${source.data.length}` : `text:${text}`;
  const body = () => ({
    ...(source.kind === 'package' ? { data: source.data } : { text }),
    title: title.trim() || undefined,
    separator,
    fileName,
  });

  async function onFile(file: File | undefined) {
    setError(null);
    setPreview(null);
    if (!file) return;
    setBusy('read');
    const isPackage = /\.(apkg|colpkg)$/i.test(file.name);
    const read = isPackage ? await readBase64File(file, MAX_PACKAGE_BYTES) : await readTextFile(file);
    setBusy(null);
    if (!read.ok) {
      setError(read.message);
      return;
    }
    setFileName(file.name);
    if ('data' in read) {
      setSource({ kind: 'package', data: read.data, name: file.name });
      setText('');
    } else {
      setSource({ kind: 'text' });
      setText(read.text);
    }
    if (!title) setTitle(file.name.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' '));
  }

  async function runPreview() {
    setBusy('preview');
    setError(null);
    const res = await postJson<Preview & { cards: CardData[] }>('/api/decks/import/preview', body());
    setBusy(null);
    if (!res.ok) {
      setPreview(null);
      setError(res.error.message);
      return;
    }
    setPreview(res.data);
    setPreviewedKey(inputKey);
  }

  async function save() {
    setBusy('save');
    setError(null);
    const res = await postJson<{ deck: { id: string } }>('/api/decks/import', {
      ...body(),
      skipBadRows: true,
      keepSchedule: keepSchedule && (preview?.reviews ?? 0) > 0,
      ...(target !== 'new' ? { replaceDeckId: target } : {}),
    });
    if (!res.ok) {
      setBusy(null);
      setError(res.error.message);
      return;
    }
    router.push(`/decks/${encodeURIComponent(res.data.deck.id)}`);
    router.refresh();
  }

  const current = preview !== null && previewedKey === inputKey;
  const canSave = current && preview.ok && preview.cards.length > 0;
  const skipped = preview?.rowErrors.length ?? 0;
  const saveLabel = !canSave
    ? 'Save'
    : `Save ${preview.cards.length} ${preview.cards.length === 1 ? 'card' : 'cards'}${skipped > 0 ? `, skip ${skipped} bad ${skipped === 1 ? 'row' : 'rows'}` : ''}`;

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
          An <strong>Anki package</strong> (.apkg, .colpkg, up to 16 MiB), a deck <strong>exported from here</strong> (JSON or CSV, ids
          kept), or a <strong>text file</strong> with one card per row: front, back, then optional tags. Anki&apos;s headers{' '}
          <code>#separator:</code>, <code>#columns:</code> and <code>#tags:</code> are honoured. Text files up to 2 MiB, any encoding.
        </p>
        <label className="flex flex-col gap-1 text-sm font-medium">
          File (.apkg, .colpkg, .json, .csv, .tsv or .txt)
          <input
            type="file"
            accept=".apkg,.colpkg,.json,.csv,.tsv,.txt,application/json,text/csv,text/tab-separated-values,text/plain"
            className="field py-1.5"
            onChange={(e) => void onFile(e.target.files?.[0])}
          />
        </label>
        {source.kind === 'package' ? (
          <p className="text-sm" data-testid="package-chosen">
            Anki package <strong>{source.name}</strong> chosen.{' '}
            <button type="button" className="text-brand-600 underline" onClick={() => setSource({ kind: 'text' })}>
              Paste text instead
            </button>
          </p>
        ) : (
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
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          <label className="flex flex-col gap-1 text-sm font-medium">
            Deck title
            <input className="field" value={title} maxLength={120} onChange={(e) => setTitle(e.target.value)} placeholder="Imported deck" />
          </label>
          {source.kind === 'text' && (
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
          )}
          <label className="flex flex-col gap-1 text-sm font-medium">
            Save as
            <select className="field" value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="new">A new deck</option>
              {ownDecks.map((d) => (
                <option key={d.id} value={d.id}>
                  Update “{d.title}” (keeps review history)
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="flex flex-wrap gap-3">
          <button type="submit" className="btn btn-primary" disabled={busy !== null || (source.kind === 'text' && text.trim() === '')}>
            {busy === 'preview' ? 'Reading…' : busy === 'read' ? 'Loading file…' : 'Preview'}
          </button>
          <Link href="/decks" className="btn btn-secondary">
            Cancel
          </Link>
        </div>
        {busy !== null && (
          <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
            {busy === 'save' ? 'Saving the deck…' : 'Reading the file…'}
          </p>
        )}
        {error && (
          <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/60 dark:text-red-200">
            {error}
          </p>
        )}
        {preview && !current && <p className="text-sm text-amber-700 dark:text-amber-300">The input changed: preview again before saving.</p>}
      </form>

      {preview && current && (
        <ImportPreview preview={preview}>
          {preview.reviews > 0 && (
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" className="mt-1" checked={keepSchedule} onChange={(e) => setKeepSchedule(e.target.checked)} />
              <span>
                Keep my Anki schedule: load the package&apos;s {preview.reviews} reviews as my review history, so due dates carry on.
              </span>
            </label>
          )}
          <div className="flex flex-wrap gap-3">
            <button type="button" className="btn btn-primary" disabled={!canSave || busy !== null} onClick={() => void save()}>
              {busy === 'save' ? 'Saving…' : saveLabel}
            </button>
          </div>
        </ImportPreview>
      )}
    </div>
  );
}

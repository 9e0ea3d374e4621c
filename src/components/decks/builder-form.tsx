'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { CARD_KINDS, type CardData, type CardKind } from '@/core/decks/card-types';
import { postJson, readBase64File, readTextFile } from './client-io';

/** Largest PDF, as the server's limit: 16,777,216 bytes (16 MiB). */
const MAX_PDF_BYTES = 16 * 1024 * 1024;
import { DraftEditor, type Draft } from './draft-editor';
import { KIND_LABELS } from './kinds';

interface Summary {
  sections: string[];
  draftsByKind: Record<CardKind, number>;
  draftsBySection: Record<string, number>;
  warnings: string[];
}
interface DraftResponse {
  deck: { title: string; description: string; source?: string; cards: CardData[] };
  summary: Summary;
}
interface SaveErrors {
  deckErrors?: string[];
  cardErrors?: { index: number; messages: string[] }[];
}

/** Document → draft cards → edit → validated save, for instructors. */
export function BuilderForm() {
  const router = useRouter();
  const [text, setText] = useState('');
  const [docTitle, setDocTitle] = useState('');
  const [fileName, setFileName] = useState<string | undefined>();
  // A chosen PDF (base64): sent as is, its text layer is read on the server.
  const [pdf, setPdf] = useState<string | null>(null);
  const [busy, setBusy] = useState<'build' | 'save' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [source, setSource] = useState<string | undefined>();
  const [drafts, setDrafts] = useState<Draft[]>([]);
  // why: the uids needing a key when the filter was switched on, so a draft does not vanish the
  // moment its answer is picked.
  const [keyFilter, setKeyFilter] = useState<Set<number> | null>(null);
  const [saveErrors, setSaveErrors] = useState<{ deck: string[]; byUid: Map<number, string[]> } | null>(null);

  const lacksKey = (d: Draft) => (d.kind === 'mcq' || d.kind === 'multi') && (d.correct ?? []).length === 0;
  const needsKey = useMemo(() => drafts.filter(lacksKey).length, [drafts]);

  async function onFile(file: File | undefined) {
    setError(null);
    if (!file) return;
    if (/\.pdf$/i.test(file.name) || file.type === 'application/pdf') {
      const bin = await readBase64File(file, MAX_PDF_BYTES);
      if (!bin.ok) {
        setError(bin.message);
        return;
      }
      setFileName(file.name);
      setPdf(bin.data);
      setText('');
    } else {
      const read = await readTextFile(file);
      if (!read.ok) {
        setError(read.message);
        return;
      }
      setFileName(file.name);
      setPdf(null);
      setText(read.text);
    }
    if (!docTitle) setDocTitle(file.name.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' '));
  }

  async function build() {
    setBusy('build');
    setError(null);
    setSaveErrors(null);
    const res = await postJson<DraftResponse>('/api/decks/builder/draft', {
      ...(pdf !== null ? { data: pdf } : { text }),
      fileName,
      title: docTitle.trim() || undefined,
    });
    setBusy(null);
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    setSummary(res.data.summary);
    setTitle(res.data.deck.title);
    setDescription(res.data.deck.description);
    setSource(res.data.deck.source);
    setDrafts(res.data.deck.cards.map((c, uid) => ({ ...c, uid })));
    setKeyFilter(null);
  }

  async function save() {
    setBusy('save');
    setError(null);
    setSaveErrors(null);
    const cards = drafts.map(({ uid: _uid, ...c }) => c);
    const res = await postJson<{ deck: { id: string } }>('/api/decks/builder', { title, description, source, cards });
    if (res.ok) {
      router.push(`/decks/${encodeURIComponent(res.data.deck.id)}`);
      router.refresh();
      return;
    }
    setBusy(null);
    setError(res.error.message);
    const details = (res.data ?? {}) as SaveErrors;
    const byUid = new Map<number, string[]>();
    for (const e of details.cardErrors ?? []) {
      const d = drafts[e.index];
      if (d) byUid.set(d.uid, e.messages);
    }
    setSaveErrors({ deck: details.deckErrors ?? [], byUid });
    const first = details.cardErrors?.[0];
    if (first && drafts[first.index]) {
      setKeyFilter(null);
      requestAnimationFrame(() => document.getElementById(`draft-${drafts[first.index].uid}`)?.scrollIntoView({ block: 'center' }));
    }
  }

  const shown = drafts.map((d, i) => ({ d, position: i + 1 })).filter(({ d }) => !keyFilter || keyFilter.has(d.uid));

  return (
    <div className="flex flex-col gap-6">
      <form
        className="card flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          void build();
        }}
        aria-busy={busy === 'build'}
      >
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Upload or paste study notes (plain text, Markdown or HTML up to 2 MiB, in UTF-8, UTF-16 or Latin-1; or a PDF with a text layer, up to 16 MiB). Each heading becomes a
          section; the builder drafts flashcards, clozes and the exam questions it finds.
        </p>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Document (.txt, .md, .html or .pdf)
          <input
            type="file"
            accept=".txt,.md,.markdown,.html,.htm,.pdf,text/plain,text/markdown,text/html,application/pdf"
            className="field py-1.5"
            onChange={(e) => void onFile(e.target.files?.[0])}
          />
        </label>
        {pdf !== null && (
          <p className="text-sm" data-testid="pdf-chosen">
            PDF <strong>{fileName}</strong> chosen: its text layer is read when you build.{' '}
            <button type="button" className="text-brand-600 underline" onClick={() => setPdf(null)}>
              Paste text instead
            </button>
          </p>
        )}
        <label className="flex flex-col gap-1 text-sm font-medium">
          …or paste the notes
          <textarea
            className="field min-h-40 font-mono text-sm"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setFileName(undefined);
              setPdf(null);
            }}
            placeholder={'# My notes\n\n## Amazon SQS\n\nSQS is a fully managed message queuing service.'}
          />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Deck title (optional; also the first part of each card&apos;s section)
          <input
            className="field"
            value={docTitle}
            maxLength={120}
            onChange={(e) => setDocTitle(e.target.value)}
            placeholder="Taken from the document's # heading when empty"
          />
        </label>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className="btn btn-primary" disabled={busy !== null || (pdf === null && text.trim() === '')}>
            {busy === 'build' ? 'Building…' : summary ? 'Build again' : 'Build drafts'}
          </button>
          <Link href="/decks" className="btn btn-secondary">
            Cancel
          </Link>
        </div>
        {busy === 'build' && (
          <div role="status" className="flex flex-col gap-2 text-sm">
            <span>Reading the document and drafting cards…</span>
            <div className="h-2 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800">
              <div className="h-full w-1/3 animate-pulse rounded-full bg-brand-600" />
            </div>
          </div>
        )}
        {error && (
          <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/60 dark:text-red-200">
            {error}
          </p>
        )}
      </form>

      {summary && (
        <section aria-labelledby="summary-heading" className="card flex flex-col gap-3">
          <h2 id="summary-heading" className="text-xl font-bold">
            {summary.sections.length} sections, {drafts.length} drafts
          </h2>
          <ul className="flex flex-wrap gap-2 text-sm" aria-label="Drafts by kind">
            {CARD_KINDS.filter((k) => summary.draftsByKind[k] > 0).map((k) => (
              <li key={k} className="rounded-full bg-slate-100 px-3 py-1 dark:bg-slate-800">
                {KIND_LABELS[k]}: {summary.draftsByKind[k]}
              </li>
            ))}
          </ul>
          <details className="text-sm">
            <summary className="cursor-pointer font-medium">Sections found</summary>
            <ol className="mt-2 grid list-decimal gap-x-6 pl-6 sm:grid-cols-2">
              {summary.sections.map((s) => (
                <li key={s}>
                  {s} <span className="text-slate-500">({summary.draftsBySection[s] ?? 0})</span>
                </li>
              ))}
            </ol>
          </details>
          {summary.warnings.length > 0 && (
            <ul className="border-l-4 border-amber-400 pl-3 text-sm" aria-label="Warnings">
              {summary.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          )}
        </section>
      )}

      {summary && (
        <section aria-labelledby="drafts-heading" className="flex flex-col gap-4">
          <div className="card grid gap-4 sm:grid-cols-2">
            <h2 id="drafts-heading" className="text-xl font-bold sm:col-span-2">
              Save as a deck
            </h2>
            <label className="flex flex-col gap-1 text-sm font-medium">
              Deck title
              <input className="field" value={title} maxLength={120} onChange={(e) => setTitle(e.target.value)} />
            </label>
            <label className="flex flex-col gap-1 text-sm font-medium">
              Description
              <input className="field" value={description} maxLength={1000} onChange={(e) => setDescription(e.target.value)} />
            </label>
            <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
              <button type="button" className="btn btn-primary" disabled={busy !== null || drafts.length === 0 || !title.trim()} onClick={() => void save()}>
                {busy === 'save' ? 'Saving…' : `Save ${drafts.length} cards`}
              </button>
              {(needsKey > 0 || keyFilter) && (
                <label className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="h-4 w-4"
                    checked={keyFilter !== null}
                    onChange={(e) => setKeyFilter(e.target.checked ? new Set(drafts.filter(lacksKey).map((d) => d.uid)) : null)}
                  />
                  Show only the drafts needing an answer key ({needsKey} left)
                </label>
              )}
            </div>
            {saveErrors && saveErrors.deck.length > 0 && (
              <ul role="alert" className="text-sm text-red-700 sm:col-span-2 dark:text-red-300">
                {saveErrors.deck.map((e, i) => (
                  <li key={i}>{e}</li>
                ))}
              </ul>
            )}
            {saveErrors && saveErrors.byUid.size > 0 && (
              <p className="text-sm text-red-700 sm:col-span-2 dark:text-red-300">{saveErrors.byUid.size === 1 ? '1 card needs' : `${saveErrors.byUid.size} cards need`} fixing (outlined in red).</p>
            )}
          </div>
          <ol className="flex flex-col gap-4" aria-label="Drafts">
            {shown.map(({ d, position }) => (
              <DraftEditor
                key={d.uid}
                draft={d}
                position={position}
                errors={saveErrors?.byUid.get(d.uid)}
                onChange={(next) => setDrafts((all) => all.map((x) => (x.uid === next.uid ? next : x)))}
                onDelete={() => setDrafts((all) => all.filter((x) => x.uid !== d.uid))}
              />
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}

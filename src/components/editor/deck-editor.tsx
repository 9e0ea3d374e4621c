'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useState } from 'react';
import type { CardData } from '@/core/decks/card-types';
import { draftFromCard, emptyDraft, validateCardDraft, type CardDraft, type DraftErrors } from '@/core/decks/card-draft';
import { callApi } from '../classes/api-client';
import { CardForm } from './card-form';
import { CardPreview } from './card-preview';
import { DeckMetaForm } from './deck-meta-form';

export type EditorCard = CardData & { id: string };

export interface EditorDeck {
  id: string;
  title: string;
  description: string;
  readOnly: boolean;
  cards: EditorCard[];
}

/**
 * The deck editor: card list, the form for the selected (or new) card and a live preview.
 * Errors come from the same deck-file rules the server applies; they show for touched forms and
 * after a save attempt. Ctrl/Cmd+S saves.
 */
export function DeckEditor({ deck }: { deck: EditorDeck }) {
  const router = useRouter();
  const [cards, setCards] = useState(deck.cards);
  const [selectedId, setSelectedId] = useState<string | null>(deck.cards[0]?.id ?? null);
  const selected = cards.find((c) => c.id === selectedId) ?? null;
  const sections = useMemo(() => [...new Set(cards.map((c) => c.section))], [cards]);
  const [draft, setDraft] = useState<CardDraft>(() => (selected ? draftFromCard(selected) : emptyDraft('basic', sections[0] ?? '')));
  const [touched, setTouched] = useState(false);
  const [serverErrors, setServerErrors] = useState<DraftErrors | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const check = useMemo(() => validateCardDraft(draft, selected?.key), [draft, selected?.key]);
  const errors: DraftErrors = serverErrors ?? (touched && !check.ok ? check.errors : {});

  function open(card: EditorCard | null) {
    setSelectedId(card?.id ?? null);
    setDraft(card ? draftFromCard(card) : emptyDraft(draft.kind, draft.section || sections[0] || ''));
    setTouched(false);
    setServerErrors(null);
    setStatus(null);
    setError(null);
  }

  async function save() {
    if (deck.readOnly || busy) return;
    setTouched(true);
    setServerErrors(null);
    if (!check.ok) return setError('Fix the marked fields first.');
    setBusy(true);
    setError(null);
    const res = selected
      ? await callApi<{ card: EditorCard }>('PUT', `/api/editor/decks/${deck.id}/cards/${selected.id}`, draft)
      : await callApi<{ card: EditorCard }>('POST', `/api/editor/decks/${deck.id}/cards`, draft);
    setBusy(false);
    if (!res.ok) {
      if (res.fields) setServerErrors(res.fields);
      return setError(res.message);
    }
    const card = res.data.card;
    setCards((cur) => (selected ? cur.map((c) => (c.id === card.id ? card : c)) : [...cur, card]));
    setSelectedId(card.id);
    setDraft(draftFromCard(card));
    setTouched(false);
    setStatus(selected ? 'Saved.' : 'Card added.');
    router.refresh();
  }

  async function remove() {
    if (!selected || !window.confirm('Delete this card? Students keep their review history; the card is hidden everywhere.')) return;
    setBusy(true);
    const res = await callApi('DELETE', `/api/editor/decks/${deck.id}/cards/${selected.id}`);
    setBusy(false);
    if (!res.ok) return setError(res.message);
    const rest = cards.filter((c) => c.id !== selected.id);
    setCards(rest);
    open(rest[0] ?? null);
    setStatus('Card deleted.');
  }

  async function duplicate() {
    setBusy(true);
    const res = await callApi<{ deck: { id: string } }>('POST', `/api/editor/decks/${deck.id}/duplicate`);
    setBusy(false);
    if (!res.ok) return setError(res.message);
    router.push(`/editor/${res.data.deck.id}`);
  }

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void save();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <div className="flex flex-col gap-4">
      {deck.readOnly ? (
        <div className="flex flex-col gap-3 rounded-xl bg-amber-50 p-4 text-amber-950 sm:flex-row sm:items-center sm:justify-between dark:bg-amber-900/30 dark:text-amber-50">
          <div>
            <h1 className="text-2xl font-bold">{deck.title}</h1>
            <p className="text-sm">Built-in decks are read-only. Duplicate it to make your own editable copy (card ids are kept).</p>
          </div>
          <button type="button" className="btn btn-primary shrink-0" onClick={duplicate} disabled={busy}>
            Duplicate to edit
          </button>
        </div>
      ) : (
        <DeckMetaForm deckId={deck.id} title={deck.title} description={deck.description} />
      )}
      <div className="grid gap-4 lg:grid-cols-[16rem_1fr_1fr]">
        <nav aria-label="Cards" className="card flex max-h-[70vh] flex-col gap-2 overflow-y-auto p-3">
          <div className="flex items-center justify-between">
            <h2 className="font-bold">{cards.length} cards</h2>
            {!deck.readOnly && (
              <button type="button" className="btn btn-primary px-3 py-1 text-sm" onClick={() => open(null)}>
                New card
              </button>
            )}
          </div>
          <ul className="flex flex-col gap-1">
            {cards.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  onClick={() => open(c)}
                  aria-current={c.id === selectedId ? 'true' : undefined}
                  className={`w-full rounded-lg px-2 py-1.5 text-left text-sm ${c.id === selectedId ? 'bg-brand-600 text-white' : 'hover:bg-slate-100 dark:hover:bg-slate-800'}`}
                >
                  <span className="mr-1 rounded bg-black/10 px-1 text-[10px] font-bold uppercase">{c.kind}</span>
                  <span className="line-clamp-2">{c.prompt}</span>
                </button>
              </li>
            ))}
            {!selected && !deck.readOnly && <li className="rounded-lg bg-brand-50 px-2 py-1.5 text-sm font-semibold dark:bg-brand-900/40">New card…</li>}
          </ul>
        </nav>
        <section aria-labelledby="card-form-heading" className="card flex flex-col gap-4">
          <div className="flex items-center justify-between gap-2">
            <h2 id="card-form-heading" className="shrink-0 text-lg font-bold">
              {deck.readOnly ? 'Card' : selected ? 'Edit card' : 'New card'}
            </h2>
            {selected && (
              <code className="min-w-0 truncate text-xs text-slate-500" title={`Card id: ${selected.key}`}>
                {selected.key}
              </code>
            )}
          </div>
          <fieldset disabled={deck.readOnly} className="contents">
            <CardForm
              draft={draft}
              errors={errors}
              sections={sections}
              onChange={(d) => {
                setDraft(d);
                setTouched(true);
                setServerErrors(null);
                setStatus(null);
              }}
            />
          </fieldset>
          {!deck.readOnly && (
            <div className="flex flex-wrap items-center gap-2">
              <button type="button" className="btn btn-primary" onClick={() => void save()} disabled={busy}>
                {selected ? 'Save card' : 'Add card'}
              </button>
              {selected && (
                <button type="button" className="btn btn-secondary text-red-700 dark:text-red-300" onClick={remove} disabled={busy}>
                  Delete
                </button>
              )}
              <span className="text-xs text-slate-500">Ctrl+S saves</span>
              <span role="status" className="text-sm font-medium text-emerald-700 dark:text-emerald-300">
                {status}
              </span>
            </div>
          )}
          {error && (
            <p role="alert" className="text-sm text-red-700 dark:text-red-300">
              {error}
            </p>
          )}
        </section>
        <section aria-labelledby="preview-heading" className="flex flex-col gap-2">
          <h2 id="preview-heading" className="text-lg font-bold">
            Preview
          </h2>
          <CardPreview draft={draft} />
        </section>
      </div>
    </div>
  );
}

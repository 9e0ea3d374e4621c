import { z } from 'zod';
import { CARD_KINDS } from '@/core/decks/card-types';
import { MAX_DECK_CARDS } from './limits';

const text = (max: number) => z.string().max(max, `at most ${max} characters`);

export const separatorSchema = z.enum(['auto', 'comma', 'semicolon', 'tab', 'pipe']).default('auto');
export const SEPARATORS: Record<z.infer<typeof separatorSchema>, string | undefined> = {
  auto: undefined,
  comma: ',',
  semicolon: ';',
  tab: '\t',
  pipe: '|',
};

/** base64 of the largest package (16 MiB), rounded up. */
const MAX_PACKAGE_BASE64 = Math.ceil((16 * 1024 * 1024) / 3) * 4;

export const importBodySchema = z
  .object({
    /** A text file: Anki text export, or our own CSV/JSON export. */
    text: z.string().optional(),
    /** An Anki package (.apkg/.colpkg), base64. */
    data: z.string().max(MAX_PACKAGE_BASE64, 'the package is over the 16,777,216-byte (16 MiB) limit').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64').optional(),
    title: text(120).optional(),
    description: text(1000).optional(),
    separator: separatorSchema,
    fileName: text(200).optional(),
    /** Save the good rows even though some rows were reported as bad. */
    skipBadRows: z.boolean().default(false),
    /** Update this deck of the caller's (cards matched by id, so review history is kept) instead of creating one. */
    replaceDeckId: text(100).optional(),
    /** Load the package's review history as the caller's own reviews. */
    keepSchedule: z.boolean().default(false),
  })
  .refine((b) => (b.text === undefined) !== (b.data === undefined), { message: 'send either text or data (a package), not both' });

export const builderDraftBodySchema = z
  .object({
    text: z.string().optional(),
    /** A PDF study document, base64. */
    data: z.string().max(MAX_PACKAGE_BASE64, 'the PDF is over the 16,777,216-byte (16 MiB) limit').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64').optional(),
    title: text(120).optional(),
    fileName: text(200).optional(),
  })
  .refine((b) => (b.text === undefined) !== (b.data === undefined), { message: 'send either text or data (a PDF), not both' });

export const draftCardSchema = z.object({
  key: text(100),
  kind: z.enum(CARD_KINDS),
  prompt: text(5000),
  answer: text(5000).default(''),
  options: z.array(text(1000)).max(12).optional(),
  correct: z.array(z.number().int().min(0).max(11)).max(12).optional(),
  accepted: z.array(text(500)).max(20).optional(),
  explanation: text(5000).optional(),
  section: text(300),
  tags: z.array(text(60)).max(20).optional(),
  needsAnswerKey: z.boolean().optional(),
});

export const builderSaveBodySchema = z.object({
  title: text(120).trim().min(1, 'the deck needs a title'),
  description: text(1000).default(''),
  source: text(200).optional(),
  cards: z.array(draftCardSchema).max(MAX_DECK_CARDS, `at most ${MAX_DECK_CARDS} cards`),
});

export type DraftCardInput = z.infer<typeof draftCardSchema>;

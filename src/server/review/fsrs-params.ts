import { invalidParamsReason } from '@/core/optimizer';
import { db } from '../db';

/** What a user picked on /settings: their own fitted parameters, their class's, or FSRS-6's defaults. */
export type FsrsChoice = 'own' | 'class' | 'default';
export const FSRS_CHOICES: readonly FsrsChoice[] = ['own', 'class', 'default'];

export interface ActiveFsrsParams {
  choice: FsrsChoice;
  /** Where the parameters in use come from (a "class" choice with no fitted class falls back to defaults). */
  source: FsrsChoice;
  /** Null: ts-fsrs's default parameters. */
  w: number[] | null;
  /** The user's own fitted parameters, kept while another choice is active. */
  own: number[] | null;
  /** The class whose parameters are in use or on offer. */
  classOffer: { id: string; name: string; fittedAt: string } | null;
}

/** Stored parameters, or null when the JSON is not 21 valid numbers (then nobody is scheduled with them). */
export function storedParams(json: unknown): number[] | null {
  if (!Array.isArray(json)) return null;
  return invalidParamsReason(json) === null ? (json as number[]) : null;
}

const asChoice = (v: string | undefined | null): FsrsChoice =>
  FSRS_CHOICES.includes(v as FsrsChoice) ? (v as FsrsChoice) : 'class';

/**
 * The parameters that schedule a user. A member of several classes with fitted parameters gets
 * the most recently fitted one. why "class" is the default choice: a student who has just joined
 * has no history of their own, and the class's pooled history predicts them better than defaults.
 */
export async function activeFsrsParams(userId: string): Promise<ActiveFsrsParams> {
  const [row, enrolled] = await Promise.all([
    db().userSettings.findUnique({ where: { userId }, select: { fsrsParams: true, fsrsChoice: true } }),
    db().enrollment.findFirst({
      where: { userId, class: { archived: false, fsrsFittedAt: { not: null } } },
      orderBy: { class: { fsrsFittedAt: 'desc' } },
      select: { class: { select: { id: true, name: true, fsrsParams: true, fsrsFittedAt: true } } },
    }),
  ]);
  const choice = asChoice(row?.fsrsChoice);
  const own = storedParams(row?.fsrsParams);
  const classParams = enrolled ? storedParams(enrolled.class.fsrsParams) : null;
  const classOffer =
    enrolled && classParams && enrolled.class.fsrsFittedAt
      ? { id: enrolled.class.id, name: enrolled.class.name, fittedAt: enrolled.class.fsrsFittedAt.toISOString() }
      : null;
  if (choice === 'own' && own) return { choice, source: 'own', w: own, own, classOffer };
  if (choice !== 'default' && classParams) return { choice, source: 'class', w: classParams, own, classOffer };
  return { choice, source: 'default', w: null, own, classOffer };
}

import { z } from 'zod';

/** Card kinds that can be asked in a live room (mirrors QUIZ_KINDS in decks/card-types). */
export const QUIZ_KIND_VALUES = ['mcq', 'multi', 'tf', 'type'] as const;
export type QuizKind = (typeof QUIZ_KIND_VALUES)[number];

export const POINTS_MODES = ['standard', 'double', 'none'] as const;
export type PointsMode = (typeof POINTS_MODES)[number];

/** Defaults for every optional setting (deckId has no default). */
export const DEFAULT_SETTINGS = {
  questionCount: 10,
  secondsPerQuestion: 20,
  kinds: [...QUIZ_KIND_VALUES] as QuizKind[],
  shuffleQuestions: true,
  shuffleOptions: true,
  pointsMode: 'standard' as PointsMode,
  streakBonus: true,
};

/**
 * Host-chosen settings for one game. Strict: unknown keys are rejected so a typo in a form
 * field fails loudly instead of silently using a default.
 */
export const GameSettingsSchema = z
  .object({
    deckId: z.string().min(1).max(100),
    /**
     * Sections to draw from. A card matches when its section equals an entry or lies beneath it
     * ("SQS" matches "SQS › Visibility Timeout"). Omitted = every section.
     */
    sections: z.array(z.string().min(1).max(200)).min(1).max(200).optional(),
    questionCount: z.number().int().min(1).max(50).default(DEFAULT_SETTINGS.questionCount),
    secondsPerQuestion: z.number().int().min(5).max(120).default(DEFAULT_SETTINGS.secondsPerQuestion),
    kinds: z
      .array(z.enum(QUIZ_KIND_VALUES))
      .min(1)
      .max(QUIZ_KIND_VALUES.length)
      .refine((k) => new Set(k).size === k.length, 'kinds must be unique')
      .default(() => [...DEFAULT_SETTINGS.kinds]),
    shuffleQuestions: z.boolean().default(DEFAULT_SETTINGS.shuffleQuestions),
    shuffleOptions: z.boolean().default(DEFAULT_SETTINGS.shuffleOptions),
    pointsMode: z.enum(POINTS_MODES).default(DEFAULT_SETTINGS.pointsMode),
    streakBonus: z.boolean().default(DEFAULT_SETTINGS.streakBonus),
  })
  .strict();

/** Settings after parsing: every field filled in. */
export type GameSettings = z.output<typeof GameSettingsSchema>;
/** What a form/API may send: only deckId is required. */
export type GameSettingsInput = z.input<typeof GameSettingsSchema>;

/** Parses and fills defaults; throws a ZodError on invalid input (use safeParse on the schema to avoid throwing). */
export function parseSettings(input: unknown): GameSettings {
  return GameSettingsSchema.parse(input);
}

import type { Prisma } from '@/generated/prisma/client';

/**
 * The tables as the typed query layer sees them, derived from the Prisma schema (one row type per
 * model, scalar fields only). why derived: prisma/schema.prisma stays the one file anyone edits;
 * a column renamed there is a type error in every query that still names the old one.
 *
 * Every column is required on insert: ids (cuid) and @default(now())/@updatedAt values are made
 * by Prisma's client, not by the database, so a raw insert must pass them itself.
 */
export type DB = {
  [Model in Prisma.ModelName]: Prisma.TypeMap['model'][Model]['payload']['scalars'];
};

import type { Prisma } from '@/generated/prisma/client';

type Scalars<Model extends Prisma.ModelName> = Prisma.TypeMap['model'][Model]['payload']['scalars'];

/**
 * Models whose table has another name (`@@map` in prisma/schema.prisma: better-auth's tables).
 * tests/unit/db/schema-tables.test.ts checks this list against the schema file.
 */
export const MAPPED_TABLES = { User: 'user', Session: 'session', Account: 'account', Verification: 'verification' } as const;
type Mapped = typeof MAPPED_TABLES;

/**
 * The tables as the typed query layer sees them, keyed by table name, derived from the Prisma
 * schema (one row type per model, scalar fields only). why derived: prisma/schema.prisma stays the
 * one file anyone edits; a column renamed there is a type error in every query that names it.
 *
 * Every column is required on insert: ids (cuid) and @default(now())/@updatedAt values are made
 * by Prisma's client, not by the database, so a raw insert must pass them itself.
 */
export type DB = {
  [Model in Exclude<Prisma.ModelName, keyof Mapped>]: Scalars<Model>;
} & {
  [Model in keyof Mapped as Mapped[Model]]: Scalars<Model>;
};

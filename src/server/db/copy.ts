import type { PrismaClient } from '@/generated/prisma/client';
import { openDatabase } from './openers';
import { dependencyOrder, readSchema, type SchemaModel } from './schema-file';
import { redactedUrl } from './health';

export interface CopyProgress {
  table: string;
  copied: number;
  total: number;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Values as the target's raw insert needs them: Json (parsed by the source's raw read) back to text. */
function toParam(v: unknown): unknown {
  if (v === null || v === undefined || v instanceof Date || typeof v !== 'object') return typeof v === 'bigint' ? Number(v) : v;
  return JSON.stringify(v);
}

/**
 * Copies every row of a migrated database into another, migrated and empty one, on either engine
 * (a school moving its SQLite file onto PostgreSQL, or back). Tables go in foreign-key order, rows
 * in primary-key order, in batches; the whole copy is one transaction on the target, so a failed
 * copy leaves the target empty.
 */
export async function copyDatabase(fromUrl: string, toUrl: string, onProgress?: (p: CopyProgress) => void): Promise<Record<string, number>> {
  const from = openDatabase(fromUrl);
  const to = openDatabase(toUrl);
  try {
    const models = dependencyOrder(readSchema());
    await checkTarget(to.client, toUrl, models);
    const counts: Record<string, number> = {};
    const placeholder = to.engine === 'postgres' ? (i: number) => `$${i + 1}` : () => '?';
    await to.client.$transaction(
      async (tx) => {
        for (const model of models) {
          const total = Number((await from.client.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT COUNT(*) AS n FROM ${quote(model.table)}`))[0].n);
          let copied = 0;
          let columns: string[] | null = null;
          const order = model.key.map(quote).join(', ');
          // why this batch size: PostgreSQL takes at most 65,535 parameters per statement.
          const batch = 500;
          while (copied < total) {
            const rows = await from.client.$queryRawUnsafe<Record<string, unknown>[]>(
              `SELECT * FROM ${quote(model.table)} ORDER BY ${order} LIMIT ${batch} OFFSET ${copied}`,
            );
            if (rows.length === 0) break;
            columns ??= Object.keys(rows[0]);
            const params: unknown[] = [];
            const values = rows.map((row) => `(${columns!.map((c) => placeholder(params.push(toParam(row[c])) - 1)).join(', ')})`);
            await tx.$executeRawUnsafe(`INSERT INTO ${quote(model.table)} (${columns.map(quote).join(', ')}) VALUES ${values.join(', ')}`, ...params);
            copied += rows.length;
            onProgress?.({ table: model.table, copied, total });
          }
          counts[model.table] = copied;
        }
      },
      { maxWait: 10_000, timeout: 24 * 3_600_000 },
    );
    return counts;
  } finally {
    await Promise.all([from.client.$disconnect(), to.client.$disconnect()]);
  }
}

async function checkTarget(client: PrismaClient, url: string, models: readonly SchemaModel[]): Promise<void> {
  for (const model of models) {
    let rows: { n: bigint | number }[];
    try {
      rows = await client.$queryRawUnsafe(`SELECT COUNT(*) AS n FROM ${quote(model.table)}`);
    } catch {
      throw new Error(`${redactedUrl(url)}: table ${model.table} is missing; migrate the target first (DATABASE_URL=<target> npx prisma migrate deploy)`);
    }
    if (Number(rows[0].n) > 0) throw new Error(`${redactedUrl(url)}: table ${model.table} already has rows; the target must be empty`);
  }
}

import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

// why: with a config file Prisma does not read .env, and an unresolved DATABASE_URL makes the
// CLI fall back to downloading a native engine (which fails offline). Always resolve it here.
process.env.DATABASE_URL ??= `file:${path.resolve('data/app.db')}`;
// On a fresh clone data/ does not exist yet, and SQLite will not create the folder of its file.
const dbFile = process.env.DATABASE_URL.replace(/^file:/, '');
if (dbFile !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(dbFile)), { recursive: true });

type ShadowAdapter = {
  client: { exec(sql: string): unknown };
  executeRaw(query: { sql: string; args: unknown[] }): Promise<number>;
};

/**
 * `migrate dev` replays every migration into an in-memory shadow database through the adapter's
 * executeRaw, which runs one prepared statement and so rejects multi-statement migration files
 * (P3006). On the shadow connection only, an argument-less raw execute runs as a script instead.
 */
function sqliteAdapterFactory(url: string) {
  const factory = new PrismaBetterSQLite3({ url });
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connectToShadowDb = async () => {
    const adapter = (await connectToShadowDb()) as unknown as ShadowAdapter;
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.executeRaw = async (query) => {
      if (query.args.length > 0) return executeRaw(query);
      adapter.client.exec(query.sql);
      return 0;
    };
    return adapter as unknown as Awaited<ReturnType<typeof connectToShadowDb>>;
  };
  return factory;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations'), seed: 'node --import tsx prisma/seed.ts' },
  async adapter() {
    return sqliteAdapterFactory(process.env.DATABASE_URL!);
  },
});

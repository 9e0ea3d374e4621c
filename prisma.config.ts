import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

// why: with a config file Prisma does not read .env, and an unresolved DATABASE_URL makes the
// CLI fall back to downloading a native engine (which fails offline). Always resolve it here.
process.env.DATABASE_URL ??= `file:${path.resolve('data/app.db')}`;
const url = process.env.DATABASE_URL;
const postgres = /^postgres(ql)?:\/\//.test(url);

type ShadowAdapter = {
  client: { exec(sql: string): unknown };
  executeRaw(query: { sql: string; args: unknown[] }): Promise<number>;
};

/**
 * `migrate dev` replays every migration into an in-memory shadow database through the adapter's
 * executeRaw, which runs one prepared statement and so rejects multi-statement migration files
 * (P3006). On the shadow connection only, an argument-less raw execute runs as a script instead.
 */
function sqliteAdapterFactory(file: string) {
  // On a fresh clone data/ does not exist yet, and SQLite will not create the folder of its file.
  const dbFile = file.replace(/^file:/, '');
  if (dbFile !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(dbFile)), { recursive: true });
  const factory = new PrismaBetterSQLite3({ url: file });
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

type Fields = { fields?: { dataTypeID: number }[] };
const asText = (result: unknown) => {
  // 18 is "char" and 19 is name: catalogue column types the 6.x adapter cannot read (prisma/orm#27403).
  for (const f of (result as Fields | undefined)?.fields ?? []) if (f.dataTypeID === 18 || f.dataTypeID === 19) f.dataTypeID = 25;
  return result;
};

/**
 * A pg client that reports catalogue column types the adapter cannot read as text. Only the CLI's
 * migration queries read the catalogue; the app's own client (src/server/db) uses the stock pool.
 */
class CatalogueAsTextClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(...args: any[]): any {
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const callback = args[last];
      args[last] = (err: unknown, result: unknown) => callback(err, err ? result : asText(result));
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    return result instanceof Promise ? result.then(asText) : result;
  }
}

function postgresAdapterFactory(connectionString: string) {
  const factory = new PrismaPg(new pg.Pool({ connectionString, Client: CatalogueAsTextClient, allowExitOnIdle: true }), { disposeExternalPool: true });
  // why: the stock shadow connector keeps the URL's database name, so `migrate dev` would use the
  // main database as its shadow. Create and drop a throwaway database of our own instead.
  factory.connectToShadowDb = async () => {
    const admin = new pg.Client({ connectionString });
    await admin.connect();
    const name = `prisma_shadow_${crypto.randomUUID().replaceAll('-', '')}`;
    await admin.query(`CREATE DATABASE "${name}"`);
    const shadowUrl = new URL(connectionString);
    shadowUrl.pathname = `/${name}`;
    const shadow = await new PrismaPg(new pg.Pool({ connectionString: shadowUrl.toString(), Client: CatalogueAsTextClient, allowExitOnIdle: true }), { disposeExternalPool: true }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
      await admin.end();
    };
    return shadow;
  };
  return factory;
}

const folder = postgres ? path.join('prisma', 'postgres') : 'prisma';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join(folder, 'schema.prisma'),
  migrations: { path: path.join(folder, 'migrations'), seed: 'node --import tsx prisma/seed.ts' },
  async adapter() {
    return postgres ? postgresAdapterFactory(url) : sqliteAdapterFactory(url);
  },
});

import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

// why: with a config file Prisma does not read .env, and an unresolved DATABASE_URL makes the
// CLI fall back to downloading a native engine (which fails offline). Always resolve it here.
process.env.DATABASE_URL ??= `file:${path.resolve('data/app.db')}`;

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  async adapter() {
    return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL! });
  },
});

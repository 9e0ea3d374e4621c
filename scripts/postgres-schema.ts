/**
 * Writes prisma/postgres/schema.prisma from prisma/schema.prisma, the only schema anyone edits.
 * why a second file: one generated Prisma client serves one provider, and migrations record their
 * provider, so PostgreSQL needs its own schema, client and migrations folder (docs/operations.md).
 * `--check` exits 1 when the committed file is out of date (npm run db:check runs it).
 */
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const source = path.join(root, 'prisma', 'schema.prisma');
const target = path.join(root, 'prisma', 'postgres', 'schema.prisma');

export function postgresSchema(sqlite: string): string {
  const replaced = sqlite
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/output(\s*)=\s*"\.\.\/src\/generated\/prisma"/, 'output$1= "../../src/generated/prisma-pg"');
  if (replaced.includes('"sqlite"') || !replaced.includes('prisma-pg')) {
    throw new Error('prisma/schema.prisma: expected one sqlite datasource and the client output ../src/generated/prisma');
  }
  return `// GENERATED from prisma/schema.prisma by scripts/postgres-schema.ts: edit that file, then run\n// npm run db:schema. The PostgreSQL client and migrations come from this copy.\n\n${replaced}`;
}

const wanted = postgresSchema(fs.readFileSync(source, 'utf8'));
const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
if (process.argv.includes('--check')) {
  if (current !== wanted) {
    console.error('prisma/postgres/schema.prisma is out of date: run npm run db:schema');
    process.exit(1);
  }
} else if (current !== wanted) {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, wanted);
  console.log('wrote prisma/postgres/schema.prisma');
}

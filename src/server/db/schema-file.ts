import fs from 'node:fs';
import path from 'node:path';

/** One model of prisma/schema.prisma as the copy tool needs it. */
export interface SchemaModel {
  name: string;
  table: string;
  /** Primary key columns (`@id` or `@@id`), to read rows in a stable order. */
  key: string[];
  /** Models this one references through a foreign key (`@relation(fields: ...)`). */
  references: string[];
}

/**
 * Reads models, table names, keys and foreign keys from the schema text. why not Prisma's DMMF:
 * it is an internal API of the generator; the schema file is ours and its syntax is simple.
 */
export function parseSchema(text: string): SchemaModel[] {
  const models: SchemaModel[] = [];
  for (const m of text.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const [, name, body] = m;
    const map = /@@map\("([^"]+)"\)/.exec(body);
    const compound = /@@id\(\[([^\]]+)\]\)/.exec(body);
    const key = compound
      ? compound[1].split(',').map((s) => s.trim())
      : [...body.matchAll(/^\s*(\w+)\s+\S+[^\n]*@id\b/gm)].map((f) => f[1]);
    const references = [...body.matchAll(/^\s*\w+\s+(\w+)\??\s+@relation\([^)]*fields:/gm)].map((f) => f[1]);
    models.push({ name, table: map ? map[1] : name, key, references: [...new Set(references)].filter((r) => r !== name) });
  }
  return models;
}

/** Models ordered so that every model comes after the models it references. */
export function dependencyOrder(models: readonly SchemaModel[]): SchemaModel[] {
  const byName = new Map(models.map((m) => [m.name, m]));
  const done = new Set<string>();
  const out: SchemaModel[] = [];
  const visit = (m: SchemaModel, path: string[]) => {
    if (done.has(m.name)) return;
    if (path.includes(m.name)) throw new Error(`foreign keys form a cycle: ${[...path, m.name].join(' -> ')}`);
    for (const r of m.references) visit(byName.get(r)!, [...path, m.name]);
    done.add(m.name);
    out.push(m);
  };
  for (const m of models) visit(m, []);
  return out;
}

export function readSchema(root = process.cwd()): SchemaModel[] {
  return parseSchema(fs.readFileSync(path.join(root, 'prisma', 'schema.prisma'), 'utf8'));
}

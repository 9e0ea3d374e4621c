import { describe, expect, it } from 'vitest';
import { MAPPED_TABLES } from '@/server/db/schema';
import { dependencyOrder, readSchema } from '@/server/db/schema-file';

describe('the schema as the data layer reads it', () => {
  const models = readSchema();

  it('knows every renamed table (the typed queries would name the wrong table otherwise)', () => {
    const renamed = Object.fromEntries(models.filter((m) => m.table !== m.name).map((m) => [m.name, m.table]));
    expect(renamed).toEqual(MAPPED_TABLES);
  });

  it('finds a primary key for every model and orders models after the ones they reference', () => {
    for (const m of models) expect(m.key.length, m.name).toBeGreaterThan(0);
    const order = dependencyOrder(models).map((m) => m.name);
    expect(order).toHaveLength(models.length);
    for (const m of models) for (const r of m.references) expect(order.indexOf(r), `${r} before ${m.name}`).toBeLessThan(order.indexOf(m.name));
    expect(order.indexOf('User')).toBeLessThan(order.indexOf('ReviewLog'));
    expect(order.indexOf('GameSession')).toBeLessThan(order.indexOf('GameAnswer'));
  });
});

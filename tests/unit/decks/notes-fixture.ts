import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/**
 * The real study notes. Prefers the repository copy (content/sources/), then the shared seed
 * beside the checkout (CI) or in the workspace; fails loudly rather than skipping.
 */
export function readAwsNotes(): string {
  const candidates = [
    path.join(ROOT, 'content/sources/aws-study-notes.txt'),
    path.join(ROOT, '../shared/seed/aws-study-notes.txt'),
    '/work/shared/seed/aws-study-notes.txt',
  ];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`aws-study-notes.txt not found in: ${candidates.join(', ')}`);
  return readFileSync(found, 'utf8');
}

export const ROOT_DIR = ROOT;

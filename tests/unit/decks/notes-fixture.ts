import { readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT_DIR = path.resolve(import.meta.dirname, '../../..');

/** The real study notes shipped with the repository (content/sources/). */
export function readAwsNotes(): string {
  return readFileSync(path.join(ROOT_DIR, 'content/sources/aws-study-notes.txt'), 'utf8');
}

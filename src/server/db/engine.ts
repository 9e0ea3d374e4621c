/** Which database engine a DATABASE_URL names. The data layer (this folder) is the only code that asks. */
export type Engine = 'sqlite' | 'postgres';

export function engineOf(url: string): Engine {
  if (url.startsWith('file:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgres';
  throw new Error('DATABASE_URL: use an SQLite file URL (file:/path/to/app.db) or a PostgreSQL URL (postgresql://user:password@host:5432/db)');
}

/** The SQLite file a file: URL names (relative paths resolve against the working folder). */
export function sqliteFile(url: string): string {
  return url.replace(/^file:/, '').replace(/\?.*$/, '');
}

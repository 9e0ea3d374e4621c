import { startServer } from './app';

// Entry point: `node --import tsx server/index.ts` (npm start / npm run dev go through scripts/start.ts).
const server = await startServer().catch((err: unknown) => {
  // why one line: an operator with a wrong setting needs the setting and the reason, not a stack.
  console.error(`StudyRoom could not start: ${startFailure(err)}`);
  process.exit(1);
});
console.log(`StudyRoom ready on ${server.url}`);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  console.log(`${signal} received, closing`);
  const timer = setTimeout(() => process.exit(1), 10_000);
  timer.unref();
  await server.close().catch((err) => console.error(err));
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

function startFailure(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown };
  const message = String(e?.message ?? err).split('\n').filter(Boolean).join(' ').replace(/\s+/g, ' ');
  if (message.startsWith('DATABASE_URL') || message.startsWith('REDIS_URL')) return message;
  if (/SQLITE_CANTOPEN|open database/i.test(`${String(e?.code)} ${message}`)) {
    return `DATABASE_URL (${process.env.DATABASE_URL ?? 'file:data/app.db'}): the database file cannot be opened (${message})`;
  }
  return message;
}

import './v8-tuning';
import { startServer } from './app';

// Entry point: `node --import tsx server/index.ts` (npm start / npm run dev go through scripts/start.ts).
const server = await startServer();
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

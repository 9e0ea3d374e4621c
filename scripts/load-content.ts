// Loads the built-in decks from content/decks into the database (idempotent). Run by `npm start`.
import { loadBuiltinDecks } from '../src/server/decks/load-builtin';
import { db } from '../src/server/db';

const report = await loadBuiltinDecks(db());
console.log(
  `Built-in decks: ${report.decks} (${report.skipped} unchanged); cards created ${report.cardsCreated}, ` +
    `updated ${report.cardsUpdated}, archived ${report.cardsArchived}`,
);
await db().$disconnect();

// Loads the built-in decks from content/decks into the database (idempotent). Run by `npm start`.
console.log('No built-in deck loader yet');

-- CardState and ReviewLog get a copy of their card's deckId (a card never moves between decks),
-- backfilled from Card below, so review counts and stats filter and group by deck from an index.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CardState" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,
    "due" DATETIME NOT NULL,
    "stability" REAL NOT NULL,
    "difficulty" REAL NOT NULL,
    "elapsedDays" INTEGER NOT NULL,
    "scheduledDays" INTEGER NOT NULL,
    "learningSteps" INTEGER NOT NULL DEFAULT 0,
    "reps" INTEGER NOT NULL,
    "lapses" INTEGER NOT NULL,
    "state" INTEGER NOT NULL,
    "lastReview" DATETIME,
    "suspended" BOOLEAN NOT NULL DEFAULT false,
    "buriedUntil" DATETIME,
    "leech" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CardState_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CardState_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_CardState" ("buriedUntil", "cardId", "deckId", "difficulty", "due", "elapsedDays", "id", "lapses", "lastReview", "learningSteps", "leech", "reps", "scheduledDays", "stability", "state", "suspended", "updatedAt", "userId", "version") SELECT "buriedUntil", "cardId", (SELECT "deckId" FROM "Card" WHERE "Card"."id" = "CardState"."cardId"), "difficulty", "due", "elapsedDays", "id", "lapses", "lastReview", "learningSteps", "leech", "reps", "scheduledDays", "stability", "state", "suspended", "updatedAt", "userId", "version" FROM "CardState";
DROP TABLE "CardState";
ALTER TABLE "new_CardState" RENAME TO "CardState";
CREATE INDEX "CardState_userId_due_idx" ON "CardState"("userId", "due");
CREATE INDEX "CardState_cardId_idx" ON "CardState"("cardId");
CREATE INDEX "CardState_userId_state_due_suspended_buriedUntil_deckId_cardId_idx" ON "CardState"("userId", "state", "due", "suspended", "buriedUntil", "deckId", "cardId");
CREATE UNIQUE INDEX "CardState_userId_cardId_key" ON "CardState"("userId", "cardId");
CREATE TABLE "new_ReviewLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "state" INTEGER NOT NULL,
    "due" DATETIME NOT NULL,
    "stability" REAL NOT NULL,
    "difficulty" REAL NOT NULL,
    "elapsedDays" INTEGER NOT NULL,
    "lastElapsedDays" INTEGER NOT NULL,
    "scheduledDays" INTEGER NOT NULL,
    "learningSteps" INTEGER NOT NULL DEFAULT 0,
    "review" DATETIME NOT NULL,
    "durationMs" INTEGER NOT NULL DEFAULT 0,
    "source" TEXT NOT NULL DEFAULT 'review',
    "sourceRef" TEXT,
    "previous" JSONB,
    "undone" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReviewLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReviewLog_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ReviewLog" ("cardId", "clientId", "deckId", "createdAt", "difficulty", "due", "durationMs", "elapsedDays", "id", "lastElapsedDays", "learningSteps", "previous", "rating", "review", "scheduledDays", "source", "sourceRef", "stability", "state", "undone", "userId") SELECT "cardId", "clientId", (SELECT "deckId" FROM "Card" WHERE "Card"."id" = "ReviewLog"."cardId"), "createdAt", "difficulty", "due", "durationMs", "elapsedDays", "id", "lastElapsedDays", "learningSteps", "previous", "rating", "review", "scheduledDays", "source", "sourceRef", "stability", "state", "undone", "userId" FROM "ReviewLog";
DROP TABLE "ReviewLog";
ALTER TABLE "new_ReviewLog" RENAME TO "ReviewLog";
CREATE INDEX "ReviewLog_userId_review_idx" ON "ReviewLog"("userId", "review");
CREATE INDEX "ReviewLog_cardId_review_idx" ON "ReviewLog"("cardId", "review");
CREATE INDEX "ReviewLog_userId_review_undone_state_rating_deckId_idx" ON "ReviewLog"("userId", "review", "undone", "state", "rating", "deckId");
CREATE UNIQUE INDEX "ReviewLog_userId_clientId_key" ON "ReviewLog"("userId", "clientId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Card_deckId_archived_idx" ON "Card"("deckId", "archived");

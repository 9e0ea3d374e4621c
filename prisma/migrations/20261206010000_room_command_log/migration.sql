-- AlterTable
ALTER TABLE "GamePlayer" ADD COLUMN "joinedDuring" INTEGER;

-- CreateTable
CREATE TABLE "GameCommand" (
    "sessionId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "entry" TEXT NOT NULL,

    PRIMARY KEY ("sessionId", "version"),
    CONSTRAINT "GameCommand_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "GameSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GameBridgeOutbox" (
    "sessionId" TEXT NOT NULL,
    "playerId" TEXT NOT NULL,
    "questionIndex" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "at" REAL NOT NULL,

    PRIMARY KEY ("playerId", "questionIndex"),
    CONSTRAINT "GameBridgeOutbox_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "GameSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);


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


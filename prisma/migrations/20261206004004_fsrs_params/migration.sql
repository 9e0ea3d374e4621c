-- AlterTable
ALTER TABLE "Class" ADD COLUMN "fsrsFittedAt" DATETIME;
ALTER TABLE "Class" ADD COLUMN "fsrsParams" JSONB;
ALTER TABLE "Class" ADD COLUMN "fsrsReport" JSONB;

-- CreateTable
CREATE TABLE "FsrsParamsChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT,
    "classId" TEXT,
    "reason" TEXT NOT NULL,
    "fromChoice" TEXT,
    "fromParams" JSONB,
    "toChoice" TEXT,
    "toParams" JSONB,
    "figures" JSONB,
    "cardsRescheduled" INTEGER NOT NULL DEFAULT 0,
    "undone" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FsrsParamsChange_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FsrsParamsChange_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_UserSettings" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "desiredRetention" REAL NOT NULL DEFAULT 0.9,
    "newPerDay" INTEGER NOT NULL DEFAULT 20,
    "maxReviewsPerDay" INTEGER NOT NULL DEFAULT 200,
    "learningSteps" TEXT NOT NULL DEFAULT '1m 10m',
    "relearningSteps" TEXT NOT NULL DEFAULT '10m',
    "maxIntervalDays" INTEGER NOT NULL DEFAULT 36500,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "dayRolloverHour" INTEGER NOT NULL DEFAULT 4,
    "fsrsParams" JSONB,
    "fsrsChoice" TEXT NOT NULL DEFAULT 'class',
    CONSTRAINT "UserSettings_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_UserSettings" ("dayRolloverHour", "desiredRetention", "learningSteps", "maxIntervalDays", "maxReviewsPerDay", "newPerDay", "relearningSteps", "timeZone", "userId") SELECT "dayRolloverHour", "desiredRetention", "learningSteps", "maxIntervalDays", "maxReviewsPerDay", "newPerDay", "relearningSteps", "timeZone", "userId" FROM "UserSettings";
DROP TABLE "UserSettings";
ALTER TABLE "new_UserSettings" RENAME TO "UserSettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "FsrsParamsChange_userId_createdAt_idx" ON "FsrsParamsChange"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "FsrsParamsChange_classId_createdAt_idx" ON "FsrsParamsChange"("classId", "createdAt");


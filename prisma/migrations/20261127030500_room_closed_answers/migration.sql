-- CreateTable
CREATE TABLE "GameClosedAnswers" (
    "sessionId" TEXT NOT NULL,
    "questionIndex" INTEGER NOT NULL,
    "answers" TEXT NOT NULL,

    PRIMARY KEY ("sessionId", "questionIndex"),
    CONSTRAINT "GameClosedAnswers_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "GameSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);


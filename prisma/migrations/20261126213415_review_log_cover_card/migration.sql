-- DropIndex
DROP INDEX "ReviewLog_userId_review_undone_state_rating_idx";

-- CreateIndex
CREATE INDEX "ReviewLog_userId_review_undone_state_rating_cardId_idx" ON "ReviewLog"("userId", "review", "undone", "state", "rating", "cardId");

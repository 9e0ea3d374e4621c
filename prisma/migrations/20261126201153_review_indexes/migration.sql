-- CreateIndex
CREATE INDEX "CardState_userId_state_due_idx" ON "CardState"("userId", "state", "due");

-- CreateIndex
CREATE INDEX "ReviewLog_userId_review_undone_state_rating_idx" ON "ReviewLog"("userId", "review", "undone", "state", "rating");

-- CreateIndex
CREATE INDEX "CardState_userId_deckId_state_suspended_due_cardId_idx" ON "CardState"("userId", "deckId", "state", "suspended", "due", "cardId");

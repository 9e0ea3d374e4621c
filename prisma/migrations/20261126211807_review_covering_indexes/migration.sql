-- DropIndex
DROP INDEX "CardState_userId_state_due_idx";

-- CreateIndex
CREATE INDEX "Card_id_deckId_archived_idx" ON "Card"("id", "deckId", "archived");

-- CreateIndex
CREATE INDEX "CardState_userId_state_due_suspended_buriedUntil_idx" ON "CardState"("userId", "state", "due", "suspended", "buriedUntil");

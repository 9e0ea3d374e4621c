-- AlterTable
ALTER TABLE "GameSession" ADD COLUMN "ownerEpoch" INTEGER NOT NULL DEFAULT 0;

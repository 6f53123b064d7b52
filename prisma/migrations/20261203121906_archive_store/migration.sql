-- AlterTable
ALTER TABLE "galaxy" ADD COLUMN "archive_problem" TEXT;
ALTER TABLE "galaxy" ADD COLUMN "stored_at" DATETIME;
ALTER TABLE "galaxy" ADD COLUMN "stored_path" TEXT;

-- AlterTable
ALTER TABLE "galaxy" ADD COLUMN "archive_path" TEXT;
ALTER TABLE "galaxy" ADD COLUMN "archive_sha256" TEXT;
ALTER TABLE "galaxy" ADD COLUMN "archive_size" REAL;
ALTER TABLE "galaxy" ADD COLUMN "archived_at" DATETIME;

-- AlterTable
ALTER TABLE "galaxy" ADD COLUMN     "archive_problem" TEXT,
ADD COLUMN     "stored_at" TIMESTAMP(3),
ADD COLUMN     "stored_path" TEXT;

-- AlterTable
ALTER TABLE "galaxy" ADD COLUMN     "archive_path" TEXT,
ADD COLUMN     "archive_sha256" TEXT,
ADD COLUMN     "archive_size" DOUBLE PRECISION,
ADD COLUMN     "archived_at" TIMESTAMP(3);

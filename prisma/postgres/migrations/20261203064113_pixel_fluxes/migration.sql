-- AlterTable
ALTER TABLE "pixel_result_block" ADD COLUMN     "flux_filters" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "fluxes" BYTEA;

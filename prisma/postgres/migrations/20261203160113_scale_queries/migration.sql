-- DropIndex
DROP INDEX "area_galaxy_id_processed_at_idx";

-- DropIndex
DROP INDEX "area_user_user_id_idx";

-- AlterTable
ALTER TABLE "trophy" ADD COLUMN     "award_count" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "credit_totals" (
    "id" INTEGER NOT NULL,
    "export_id" INTEGER,
    "users" INTEGER NOT NULL,
    "teams" INTEGER NOT NULL,
    "total_credit" DOUBLE PRECISION NOT NULL,
    "total_rac" DOUBLE PRECISION NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "credit_totals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rank_checkpoint" (
    "list" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "key" DOUBLE PRECISION NOT NULL,
    "row_id" INTEGER NOT NULL,
    "above" INTEGER NOT NULL,
    "positive" INTEGER NOT NULL,
    "export_id" INTEGER NOT NULL,

    CONSTRAINT "rank_checkpoint_pkey" PRIMARY KEY ("list","position")
);

-- CreateIndex
CREATE INDEX "area_galaxy_id_id_idx" ON "area"("galaxy_id", "id");

-- CreateIndex
CREATE INDEX "area_galaxy_id_processed_at_id_idx" ON "area"("galaxy_id", "processed_at" DESC, "id");

-- CreateIndex
CREATE INDEX "area_user_user_id_area_id_idx" ON "area_user"("user_id", "area_id");

-- CreateIndex
CREATE INDEX "galaxy_user_galaxy_id_pixel_count_user_id_idx" ON "galaxy_user"("galaxy_id", "pixel_count" DESC, "user_id");

-- Backfill (written by hand): the kept values as the award run and the follow-up of the next
-- statistics import would leave them, so a migrated portal reads them at once: the trophy
-- holder counts, and once statistics are imported the credit totals and the rank checkpoints.
UPDATE "trophy" SET "award_count" = (SELECT COUNT(*) FROM "trophy_award" a WHERE a."trophy_id" = "trophy"."id");
INSERT INTO "credit_totals" ("id", "export_id", "users", "teams", "total_credit", "total_rac")
SELECT 1, (SELECT "id" FROM "stats_export" ORDER BY "export_time" DESC LIMIT 1),
       (SELECT COUNT(*) FROM "boinc_user"), (SELECT COUNT(*) FROM "team"),
       COALESCE((SELECT SUM("total_credit") FROM "boinc_user"), 0),
       COALESCE((SELECT SUM("expavg_credit") FROM "boinc_user"), 0)
WHERE EXISTS (SELECT 1 FROM "stats_export");
INSERT INTO "rank_checkpoint" ("list", "position", "key", "row_id", "above", "positive", "export_id")
SELECT 'total_credit', "p", "k", "id", "a", "n", (SELECT "id" FROM "stats_export" ORDER BY "export_time" DESC LIMIT 1)
FROM (SELECT "total_credit" AS "k", "id", ROW_NUMBER() OVER (ORDER BY "total_credit" DESC, "id" ASC) - 1 AS "p",
             RANK() OVER (ORDER BY "total_credit" DESC) - 1 AS "a", COUNT(*) OVER () AS "n"
      FROM "boinc_user" WHERE "total_credit" > 0) x
WHERE "p" % 1000 = 0 AND EXISTS (SELECT 1 FROM "stats_export");
INSERT INTO "rank_checkpoint" ("list", "position", "key", "row_id", "above", "positive", "export_id")
SELECT 'rac_order', "p", "k", "id", "a", "n", (SELECT "id" FROM "stats_export" ORDER BY "export_time" DESC LIMIT 1)
FROM (SELECT "rac_order" AS "k", "id", ROW_NUMBER() OVER (ORDER BY "rac_order" DESC, "id" ASC) - 1 AS "p",
             RANK() OVER (ORDER BY "rac_order" DESC) - 1 AS "a", COUNT(*) OVER () AS "n"
      FROM "boinc_user" WHERE "rac_order" > 0) x
WHERE "p" % 1000 = 0 AND EXISTS (SELECT 1 FROM "stats_export");

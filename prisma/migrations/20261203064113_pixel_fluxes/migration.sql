-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_pixel_result_block" (
    "area_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "galaxy_id" INTEGER NOT NULL,
    "pixel_count" INTEGER NOT NULL,
    "xy" BLOB NOT NULL,
    "stats" BLOB NOT NULL,
    "display" BLOB NOT NULL,
    "best_fit" BLOB NOT NULL,
    "histograms" BLOB,
    "flux_filters" TEXT NOT NULL DEFAULT '',
    "fluxes" BLOB,
    "source_sha256" TEXT NOT NULL,
    "results_version" INTEGER NOT NULL,
    "ingested_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "pixel_result_block_area_id_fkey" FOREIGN KEY ("area_id") REFERENCES "area" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "pixel_result_block_galaxy_id_fkey" FOREIGN KEY ("galaxy_id") REFERENCES "galaxy" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_pixel_result_block" ("area_id", "best_fit", "display", "galaxy_id", "histograms", "ingested_at", "pixel_count", "results_version", "source_sha256", "stats", "xy") SELECT "area_id", "best_fit", "display", "galaxy_id", "histograms", "ingested_at", "pixel_count", "results_version", "source_sha256", "stats", "xy" FROM "pixel_result_block";
DROP TABLE "pixel_result_block";
ALTER TABLE "new_pixel_result_block" RENAME TO "pixel_result_block";
CREATE INDEX "pixel_result_block_galaxy_id_idx" ON "pixel_result_block"("galaxy_id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

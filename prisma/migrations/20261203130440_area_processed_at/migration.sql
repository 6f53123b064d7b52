-- CreateIndex
CREATE INDEX "area_galaxy_id_processed_at_idx" ON "area"("galaxy_id", "processed_at");

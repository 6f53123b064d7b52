-- AlterTable
ALTER TABLE "boinc_user" ADD COLUMN     "rac_order" DOUBLE PRECISION NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "team" ADD COLUMN     "rac_order" DOUBLE PRECISION NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "boinc_user_rac_order_idx" ON "boinc_user"("rac_order");

-- CreateIndex
CREATE INDEX "team_rac_order_idx" ON "team"("rac_order");

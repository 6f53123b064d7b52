-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_boinc_user" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "country" TEXT NOT NULL DEFAULT '',
    "url" TEXT NOT NULL DEFAULT '',
    "create_time" DATETIME NOT NULL,
    "total_credit" REAL NOT NULL DEFAULT 0,
    "expavg_credit" REAL NOT NULL DEFAULT 0,
    "expavg_time" REAL NOT NULL DEFAULT 0,
    "rac_order" REAL NOT NULL DEFAULT 0,
    "cpid" TEXT NOT NULL DEFAULT '',
    "has_profile" BOOLEAN NOT NULL DEFAULT false,
    "team_id" INTEGER,
    "updated_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "boinc_user_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_boinc_user" ("country", "cpid", "create_time", "expavg_credit", "expavg_time", "has_profile", "id", "name", "team_id", "total_credit", "updated_at", "url") SELECT "country", "cpid", "create_time", "expavg_credit", "expavg_time", "has_profile", "id", "name", "team_id", "total_credit", "updated_at", "url" FROM "boinc_user";
DROP TABLE "boinc_user";
ALTER TABLE "new_boinc_user" RENAME TO "boinc_user";
CREATE INDEX "boinc_user_total_credit_idx" ON "boinc_user"("total_credit");
CREATE INDEX "boinc_user_expavg_credit_idx" ON "boinc_user"("expavg_credit");
CREATE INDEX "boinc_user_rac_order_idx" ON "boinc_user"("rac_order");
CREATE INDEX "boinc_user_team_id_idx" ON "boinc_user"("team_id");
CREATE INDEX "boinc_user_country_idx" ON "boinc_user"("country");
CREATE TABLE "new_team" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "name_html" TEXT NOT NULL DEFAULT '',
    "type" INTEGER NOT NULL DEFAULT 1,
    "founder_id" INTEGER,
    "founder_name" TEXT NOT NULL DEFAULT '',
    "country" TEXT NOT NULL DEFAULT '',
    "url" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "create_time" DATETIME NOT NULL,
    "total_credit" REAL NOT NULL DEFAULT 0,
    "expavg_credit" REAL NOT NULL DEFAULT 0,
    "expavg_time" REAL NOT NULL DEFAULT 0,
    "rac_order" REAL NOT NULL DEFAULT 0,
    "member_count" INTEGER NOT NULL DEFAULT 0,
    "updated_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_team" ("country", "create_time", "description", "expavg_credit", "expavg_time", "founder_id", "founder_name", "id", "member_count", "name", "name_html", "total_credit", "type", "updated_at", "url") SELECT "country", "create_time", "description", "expavg_credit", "expavg_time", "founder_id", "founder_name", "id", "member_count", "name", "name_html", "total_credit", "type", "updated_at", "url" FROM "team";
DROP TABLE "team";
ALTER TABLE "new_team" RENAME TO "team";
CREATE INDEX "team_total_credit_idx" ON "team"("total_credit");
CREATE INDEX "team_expavg_credit_idx" ON "team"("expavg_credit");
CREATE INDEX "team_rac_order_idx" ON "team"("rac_order");
CREATE INDEX "team_member_count_idx" ON "team"("member_count");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

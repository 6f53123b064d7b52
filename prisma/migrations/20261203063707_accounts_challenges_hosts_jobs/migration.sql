-- CreateTable
CREATE TABLE "challenge_standing" (
    "challenge_id" INTEGER NOT NULL,
    "team_id" INTEGER NOT NULL,
    "credit" REAL NOT NULL DEFAULT 0,
    "rank" INTEGER NOT NULL DEFAULT 0,
    "members" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("challenge_id", "team_id"),
    CONSTRAINT "challenge_standing_challenge_id_fkey" FOREIGN KEY ("challenge_id") REFERENCES "challenge" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "challenge_standing_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "challenge_contribution" (
    "challenge_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "team_id" INTEGER NOT NULL,
    "credit" REAL NOT NULL DEFAULT 0,

    PRIMARY KEY ("challenge_id", "user_id", "team_id"),
    CONSTRAINT "challenge_contribution_challenge_id_fkey" FOREIGN KEY ("challenge_id") REFERENCES "challenge" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "challenge_contribution_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "boinc_user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "challenge_point" (
    "challenge_id" INTEGER NOT NULL,
    "team_id" INTEGER NOT NULL,
    "time" DATETIME NOT NULL,
    "credit" REAL NOT NULL,

    PRIMARY KEY ("challenge_id", "team_id", "time"),
    CONSTRAINT "challenge_point_challenge_id_fkey" FOREIGN KEY ("challenge_id") REFERENCES "challenge" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "host" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "user_id" INTEGER,
    "create_time" DATETIME NOT NULL,
    "rpc_time" DATETIME,
    "total_credit" REAL NOT NULL DEFAULT 0,
    "expavg_credit" REAL NOT NULL DEFAULT 0,
    "expavg_time" REAL NOT NULL DEFAULT 0,
    "cpu_count" INTEGER NOT NULL DEFAULT 0,
    "cpu_vendor" TEXT NOT NULL DEFAULT '',
    "cpu_model" TEXT NOT NULL DEFAULT '',
    "p_fpops" REAL NOT NULL DEFAULT 0,
    "os_name" TEXT NOT NULL DEFAULT '',
    "os_version" TEXT NOT NULL DEFAULT '',
    "updated_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "host_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "boinc_user" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "milestone" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "reached_at" DATETIME NOT NULL,
    "user_id" INTEGER,
    "team_id" INTEGER,
    "galaxy_id" INTEGER,
    "text" TEXT NOT NULL DEFAULT ''
);

-- CreateTable
CREATE TABLE "country_total" (
    "country" TEXT NOT NULL PRIMARY KEY,
    "users" INTEGER NOT NULL DEFAULT 0,
    "total_credit" REAL NOT NULL DEFAULT 0,
    "rac" REAL NOT NULL DEFAULT 0,
    "updated_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "rate_limit" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "window_start" DATETIME NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_account" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "password_hash" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'volunteer',
    "boinc_user_id" INTEGER,
    "failed_logins" INTEGER NOT NULL DEFAULT 0,
    "locked_until" DATETIME,
    "hide_from_lists" BOOLEAN NOT NULL DEFAULT false,
    "boinc_linked_at" DATETIME,
    "last_sign_in_at" DATETIME,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "account_boinc_user_id_fkey" FOREIGN KEY ("boinc_user_id") REFERENCES "boinc_user" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_account" ("boinc_user_id", "created_at", "email", "failed_logins", "id", "locked_until", "name", "password_hash", "role") SELECT "boinc_user_id", "created_at", "email", "failed_logins", "id", "locked_until", "name", "password_hash", "role" FROM "account";
DROP TABLE "account";
ALTER TABLE "new_account" RENAME TO "account";
CREATE UNIQUE INDEX "account_email_key" ON "account"("email");
CREATE UNIQUE INDEX "account_boinc_user_id_key" ON "account"("boinc_user_id");
CREATE TABLE "new_challenge" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "starts_at" DATETIME NOT NULL,
    "ends_at" DATETIME NOT NULL,
    "open_to_all" BOOLEAN NOT NULL DEFAULT false,
    "standings_updated_at" DATETIME,
    "frozen_at" DATETIME,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_challenge" ("created_at", "description", "ends_at", "id", "name", "starts_at") SELECT "created_at", "description", "ends_at", "id", "name", "starts_at" FROM "challenge";
DROP TABLE "challenge";
ALTER TABLE "new_challenge" RENAME TO "challenge";
CREATE UNIQUE INDEX "challenge_name_key" ON "challenge"("name");
CREATE TABLE "new_data_request" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "account_id" INTEGER,
    "owner" TEXT NOT NULL DEFAULT '',
    "galaxy_id" INTEGER,
    "format" TEXT NOT NULL,
    "params" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "progress" REAL NOT NULL DEFAULT 0,
    "message" TEXT NOT NULL DEFAULT '',
    "result_path" TEXT,
    "result_size" REAL,
    "result_type" TEXT,
    "claimed_by" TEXT,
    "heartbeat_at" DATETIME,
    "sha256" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" DATETIME,
    "finished_at" DATETIME,
    "expires_at" DATETIME,
    CONSTRAINT "data_request_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_data_request" ("account_id", "created_at", "expires_at", "finished_at", "format", "galaxy_id", "id", "message", "params", "progress", "result_path", "result_size", "sha256", "started_at", "status") SELECT "account_id", "created_at", "expires_at", "finished_at", "format", "galaxy_id", "id", "message", "params", "progress", "result_path", "result_size", "sha256", "started_at", "status" FROM "data_request";
DROP TABLE "data_request";
ALTER TABLE "new_data_request" RENAME TO "data_request";
CREATE INDEX "data_request_status_created_at_idx" ON "data_request"("status", "created_at");
CREATE INDEX "data_request_account_id_idx" ON "data_request"("account_id");
CREATE INDEX "data_request_owner_created_at_idx" ON "data_request"("owner", "created_at");
CREATE TABLE "new_stats_export" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "export_time" DATETIME NOT NULL,
    "imported_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "source" TEXT NOT NULL,
    "user_count" INTEGER NOT NULL DEFAULT 0,
    "team_count" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "total_credit" REAL NOT NULL DEFAULT 0,
    "registered_users" INTEGER NOT NULL DEFAULT 0,
    "active_users" INTEGER NOT NULL DEFAULT 0,
    "total_rac" REAL NOT NULL DEFAULT 0,
    "host_count" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_stats_export" ("export_time", "id", "imported_at", "skipped", "source", "team_count", "total_credit", "user_count") SELECT "export_time", "id", "imported_at", "skipped", "source", "team_count", "total_credit", "user_count" FROM "stats_export";
DROP TABLE "stats_export";
ALTER TABLE "new_stats_export" RENAME TO "stats_export";
CREATE UNIQUE INDEX "stats_export_export_time_key" ON "stats_export"("export_time");
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
    "member_count" INTEGER NOT NULL DEFAULT 0,
    "updated_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_team" ("country", "create_time", "description", "expavg_credit", "expavg_time", "founder_id", "founder_name", "id", "name", "name_html", "total_credit", "type", "updated_at", "url") SELECT "country", "create_time", "description", "expavg_credit", "expavg_time", "founder_id", "founder_name", "id", "name", "name_html", "total_credit", "type", "updated_at", "url" FROM "team";
DROP TABLE "team";
ALTER TABLE "new_team" RENAME TO "team";
CREATE INDEX "team_total_credit_idx" ON "team"("total_credit");
CREATE INDEX "team_expavg_credit_idx" ON "team"("expavg_credit");
CREATE INDEX "team_member_count_idx" ON "team"("member_count");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "challenge_standing_challenge_id_rank_idx" ON "challenge_standing"("challenge_id", "rank");

-- CreateIndex
CREATE INDEX "challenge_contribution_challenge_id_team_id_credit_idx" ON "challenge_contribution"("challenge_id", "team_id", "credit");

-- CreateIndex
CREATE INDEX "host_user_id_idx" ON "host"("user_id");

-- CreateIndex
CREATE INDEX "host_expavg_credit_idx" ON "host"("expavg_credit");

-- CreateIndex
CREATE INDEX "milestone_reached_at_idx" ON "milestone"("reached_at");

-- CreateIndex
CREATE UNIQUE INDEX "milestone_kind_value_key" ON "milestone"("kind", "value");

-- CreateIndex
CREATE INDEX "country_total_total_credit_idx" ON "country_total"("total_credit");

-- CreateIndex
CREATE INDEX "country_total_rac_idx" ON "country_total"("rac");

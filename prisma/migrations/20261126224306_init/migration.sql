-- CreateTable
CREATE TABLE "run" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "fpops_est" REAL NOT NULL DEFAULT 0,
    "cobblestone_factor" REAL NOT NULL DEFAULT 1,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "filter" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "magphys_id" INTEGER NOT NULL,
    "eff_lambda" REAL NOT NULL,
    "band_class" TEXT NOT NULL,
    "survey" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "run_filter" (
    "run_id" INTEGER NOT NULL,
    "filter_id" INTEGER NOT NULL,

    PRIMARY KEY ("run_id", "filter_id"),
    CONSTRAINT "run_filter_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "run" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "run_filter_filter_id_fkey" FOREIGN KEY ("filter_id") REFERENCES "filter" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "galaxy" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "run_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "ra" REAL NOT NULL,
    "dec" REAL NOT NULL,
    "redshift" REAL NOT NULL,
    "sigma" REAL NOT NULL DEFAULT 0.1,
    "hubble_type" TEXT NOT NULL DEFAULT '',
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "pixel_scale" REAL NOT NULL,
    "wcs" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'registered',
    "status_time" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "results_version" INTEGER NOT NULL DEFAULT 0,
    "pixel_count" INTEGER NOT NULL DEFAULT 0,
    "pixels_processed" INTEGER NOT NULL DEFAULT 0,
    "area_count" INTEGER NOT NULL DEFAULT 0,
    "areas_processed" INTEGER NOT NULL DEFAULT 0,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    CONSTRAINT "galaxy_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "run" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "layer" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "galaxy_id" INTEGER NOT NULL,
    "filter_id" INTEGER NOT NULL,
    "image_path" TEXT NOT NULL,
    "sigma_path" TEXT,
    "sigma_kind" TEXT NOT NULL DEFAULT 'fraction',
    "source_file" TEXT NOT NULL,
    "bunit" TEXT NOT NULL DEFAULT '',
    "valid_pixels" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "layer_galaxy_id_fkey" FOREIGN KEY ("galaxy_id") REFERENCES "galaxy" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "layer_filter_id_fkey" FOREIGN KEY ("filter_id") REFERENCES "filter" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "rgb_triple" (
    "galaxy_id" INTEGER NOT NULL,
    "image_number" INTEGER NOT NULL,
    "red_filter_id" INTEGER NOT NULL,
    "green_filter_id" INTEGER NOT NULL,
    "blue_filter_id" INTEGER NOT NULL,

    PRIMARY KEY ("galaxy_id", "image_number"),
    CONSTRAINT "rgb_triple_galaxy_id_fkey" FOREIGN KEY ("galaxy_id") REFERENCES "galaxy" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "rgb_triple_red_filter_id_fkey" FOREIGN KEY ("red_filter_id") REFERENCES "filter" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "rgb_triple_green_filter_id_fkey" FOREIGN KEY ("green_filter_id") REFERENCES "filter" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "rgb_triple_blue_filter_id_fkey" FOREIGN KEY ("blue_filter_id") REFERENCES "filter" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "fits_header_card" (
    "galaxy_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "keyword" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',

    PRIMARY KEY ("galaxy_id", "position"),
    CONSTRAINT "fits_header_card_galaxy_id_fkey" FOREIGN KEY ("galaxy_id") REFERENCES "galaxy" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "area" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "galaxy_id" INTEGER NOT NULL,
    "x0" INTEGER NOT NULL,
    "y0" INTEGER NOT NULL,
    "x1" INTEGER NOT NULL,
    "y1" INTEGER NOT NULL,
    "pixel_count" INTEGER NOT NULL,
    "first_pixel_id" INTEGER NOT NULL,
    "mask" BLOB NOT NULL,
    "workunit_id" INTEGER,
    "processed_at" DATETIME,
    "updated_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "area_galaxy_id_fkey" FOREIGN KEY ("galaxy_id") REFERENCES "galaxy" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "area_user" (
    "area_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("area_id", "user_id"),
    CONSTRAINT "area_user_area_id_fkey" FOREIGN KEY ("area_id") REFERENCES "area" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "area_user_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "boinc_user" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "galaxy_user" (
    "galaxy_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "area_count" INTEGER NOT NULL DEFAULT 0,
    "pixel_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("galaxy_id", "user_id"),
    CONSTRAINT "galaxy_user_galaxy_id_fkey" FOREIGN KEY ("galaxy_id") REFERENCES "galaxy" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "galaxy_user_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "boinc_user" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "pixel_result_block" (
    "area_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "galaxy_id" INTEGER NOT NULL,
    "pixel_count" INTEGER NOT NULL,
    "xy" BLOB NOT NULL,
    "stats" BLOB NOT NULL,
    "display" BLOB NOT NULL,
    "best_fit" BLOB NOT NULL,
    "histograms" BLOB,
    "source_sha256" TEXT NOT NULL,
    "results_version" INTEGER NOT NULL,
    "ingested_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "pixel_result_block_area_id_fkey" FOREIGN KEY ("area_id") REFERENCES "area" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "pixel_result_block_galaxy_id_fkey" FOREIGN KEY ("galaxy_id") REFERENCES "galaxy" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "boinc_user" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "country" TEXT NOT NULL DEFAULT '',
    "url" TEXT NOT NULL DEFAULT '',
    "create_time" DATETIME NOT NULL,
    "total_credit" REAL NOT NULL DEFAULT 0,
    "expavg_credit" REAL NOT NULL DEFAULT 0,
    "expavg_time" REAL NOT NULL DEFAULT 0,
    "cpid" TEXT NOT NULL DEFAULT '',
    "has_profile" BOOLEAN NOT NULL DEFAULT false,
    "team_id" INTEGER,
    "updated_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "boinc_user_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "team" (
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
    "updated_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "stats_export" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "export_time" DATETIME NOT NULL,
    "imported_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "source" TEXT NOT NULL,
    "user_count" INTEGER NOT NULL DEFAULT 0,
    "team_count" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "total_credit" REAL NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "user_credit_snapshot" (
    "user_id" INTEGER NOT NULL,
    "time" DATETIME NOT NULL,
    "total_credit" REAL NOT NULL,
    "expavg_credit" REAL NOT NULL,
    "team_id" INTEGER,

    PRIMARY KEY ("user_id", "time"),
    CONSTRAINT "user_credit_snapshot_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "boinc_user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "team_credit_snapshot" (
    "team_id" INTEGER NOT NULL,
    "time" DATETIME NOT NULL,
    "total_credit" REAL NOT NULL,
    "expavg_credit" REAL NOT NULL,
    "member_count" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("team_id", "time"),
    CONSTRAINT "team_credit_snapshot_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "team_delta" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "user_id" INTEGER NOT NULL,
    "team_id" INTEGER NOT NULL,
    "time" DATETIME NOT NULL,
    "joining" BOOLEAN NOT NULL,
    "total_credit" REAL NOT NULL,
    CONSTRAINT "team_delta_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "boinc_user" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "team_delta_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "trophy" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL,
    "threshold" REAL NOT NULL DEFAULT 0,
    "image" TEXT NOT NULL DEFAULT '',
    "hidden" BOOLEAN NOT NULL DEFAULT false,
    "sort_order" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "trophy_award" (
    "trophy_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "awarded_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("trophy_id", "user_id"),
    CONSTRAINT "trophy_award_trophy_id_fkey" FOREIGN KEY ("trophy_id") REFERENCES "trophy" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "trophy_award_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "boinc_user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "challenge" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "starts_at" DATETIME NOT NULL,
    "ends_at" DATETIME NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "challenge_team" (
    "challenge_id" INTEGER NOT NULL,
    "team_id" INTEGER NOT NULL,
    "joined_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("challenge_id", "team_id"),
    CONSTRAINT "challenge_team_challenge_id_fkey" FOREIGN KEY ("challenge_id") REFERENCES "challenge" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "challenge_team_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "data_request" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "account_id" INTEGER,
    "galaxy_id" INTEGER NOT NULL,
    "format" TEXT NOT NULL,
    "params" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "progress" REAL NOT NULL DEFAULT 0,
    "message" TEXT NOT NULL DEFAULT '',
    "result_path" TEXT,
    "result_size" INTEGER,
    "sha256" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" DATETIME,
    "finished_at" DATETIME,
    "expires_at" DATETIME,
    CONSTRAINT "data_request_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "account" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "password_hash" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'volunteer',
    "boinc_user_id" INTEGER,
    "failed_logins" INTEGER NOT NULL DEFAULT 0,
    "locked_until" DATETIME,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "account_boinc_user_id_fkey" FOREIGN KEY ("boinc_user_id") REFERENCES "boinc_user" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "api_token" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "account_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" DATETIME,
    "expires_at" DATETIME,
    "revoked_at" DATETIME,
    CONSTRAINT "api_token_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "run_name_key" ON "run"("name");

-- CreateIndex
CREATE UNIQUE INDEX "filter_name_key" ON "filter"("name");

-- CreateIndex
CREATE UNIQUE INDEX "filter_magphys_id_key" ON "filter"("magphys_id");

-- CreateIndex
CREATE INDEX "galaxy_status_idx" ON "galaxy"("status");

-- CreateIndex
CREATE INDEX "galaxy_redshift_idx" ON "galaxy"("redshift");

-- CreateIndex
CREATE INDEX "galaxy_ra_dec_idx" ON "galaxy"("ra", "dec");

-- CreateIndex
CREATE UNIQUE INDEX "galaxy_name_run_id_key" ON "galaxy"("name", "run_id");

-- CreateIndex
CREATE UNIQUE INDEX "layer_galaxy_id_filter_id_key" ON "layer"("galaxy_id", "filter_id");

-- CreateIndex
CREATE INDEX "area_galaxy_id_y0_x0_idx" ON "area"("galaxy_id", "y0", "x0");

-- CreateIndex
CREATE UNIQUE INDEX "area_galaxy_id_x0_y0_x1_y1_key" ON "area"("galaxy_id", "x0", "y0", "x1", "y1");

-- CreateIndex
CREATE UNIQUE INDEX "area_first_pixel_id_key" ON "area"("first_pixel_id");

-- CreateIndex
CREATE INDEX "area_user_user_id_idx" ON "area_user"("user_id");

-- CreateIndex
CREATE INDEX "galaxy_user_user_id_idx" ON "galaxy_user"("user_id");

-- CreateIndex
CREATE INDEX "pixel_result_block_galaxy_id_idx" ON "pixel_result_block"("galaxy_id");

-- CreateIndex
CREATE INDEX "boinc_user_total_credit_idx" ON "boinc_user"("total_credit");

-- CreateIndex
CREATE INDEX "boinc_user_expavg_credit_idx" ON "boinc_user"("expavg_credit");

-- CreateIndex
CREATE INDEX "boinc_user_team_id_idx" ON "boinc_user"("team_id");

-- CreateIndex
CREATE INDEX "boinc_user_country_idx" ON "boinc_user"("country");

-- CreateIndex
CREATE INDEX "team_total_credit_idx" ON "team"("total_credit");

-- CreateIndex
CREATE INDEX "team_expavg_credit_idx" ON "team"("expavg_credit");

-- CreateIndex
CREATE UNIQUE INDEX "stats_export_export_time_key" ON "stats_export"("export_time");

-- CreateIndex
CREATE INDEX "user_credit_snapshot_time_idx" ON "user_credit_snapshot"("time");

-- CreateIndex
CREATE INDEX "team_credit_snapshot_time_idx" ON "team_credit_snapshot"("time");

-- CreateIndex
CREATE INDEX "team_delta_team_id_time_idx" ON "team_delta"("team_id", "time");

-- CreateIndex
CREATE UNIQUE INDEX "team_delta_user_id_team_id_time_joining_key" ON "team_delta"("user_id", "team_id", "time", "joining");

-- CreateIndex
CREATE UNIQUE INDEX "trophy_name_key" ON "trophy"("name");

-- CreateIndex
CREATE INDEX "trophy_award_user_id_idx" ON "trophy_award"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "challenge_name_key" ON "challenge"("name");

-- CreateIndex
CREATE INDEX "data_request_status_created_at_idx" ON "data_request"("status", "created_at");

-- CreateIndex
CREATE INDEX "data_request_account_id_idx" ON "data_request"("account_id");

-- CreateIndex
CREATE UNIQUE INDEX "account_email_key" ON "account"("email");

-- CreateIndex
CREATE UNIQUE INDEX "account_boinc_user_id_key" ON "account"("boinc_user_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_token_token_hash_key" ON "api_token"("token_hash");

-- CreateIndex
CREATE INDEX "api_token_account_id_idx" ON "api_token"("account_id");

-- CreateTable
CREATE TABLE "run" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "fpops_est" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "cobblestone_factor" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "filter" (
    "id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "magphys_id" INTEGER NOT NULL,
    "eff_lambda" DOUBLE PRECISION NOT NULL,
    "band_class" TEXT NOT NULL,
    "survey" TEXT NOT NULL,

    CONSTRAINT "filter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "run_filter" (
    "run_id" INTEGER NOT NULL,
    "filter_id" INTEGER NOT NULL,

    CONSTRAINT "run_filter_pkey" PRIMARY KEY ("run_id","filter_id")
);

-- CreateTable
CREATE TABLE "galaxy" (
    "id" SERIAL NOT NULL,
    "run_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "ra" DOUBLE PRECISION NOT NULL,
    "dec" DOUBLE PRECISION NOT NULL,
    "redshift" DOUBLE PRECISION NOT NULL,
    "sigma" DOUBLE PRECISION NOT NULL DEFAULT 0.1,
    "hubble_type" TEXT NOT NULL DEFAULT '',
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "pixel_scale" DOUBLE PRECISION NOT NULL,
    "wcs" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'registered',
    "status_time" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "results_version" INTEGER NOT NULL DEFAULT 0,
    "pixel_count" INTEGER NOT NULL DEFAULT 0,
    "pixels_processed" INTEGER NOT NULL DEFAULT 0,
    "area_count" INTEGER NOT NULL DEFAULT 0,
    "areas_processed" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "galaxy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "layer" (
    "id" SERIAL NOT NULL,
    "galaxy_id" INTEGER NOT NULL,
    "filter_id" INTEGER NOT NULL,
    "image_path" TEXT NOT NULL,
    "sigma_path" TEXT,
    "sigma_kind" TEXT NOT NULL DEFAULT 'fraction',
    "source_file" TEXT NOT NULL,
    "bunit" TEXT NOT NULL DEFAULT '',
    "valid_pixels" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "layer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rgb_triple" (
    "galaxy_id" INTEGER NOT NULL,
    "image_number" INTEGER NOT NULL,
    "red_filter_id" INTEGER NOT NULL,
    "green_filter_id" INTEGER NOT NULL,
    "blue_filter_id" INTEGER NOT NULL,

    CONSTRAINT "rgb_triple_pkey" PRIMARY KEY ("galaxy_id","image_number")
);

-- CreateTable
CREATE TABLE "fits_header_card" (
    "galaxy_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "keyword" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "fits_header_card_pkey" PRIMARY KEY ("galaxy_id","position")
);

-- CreateTable
CREATE TABLE "area" (
    "id" SERIAL NOT NULL,
    "galaxy_id" INTEGER NOT NULL,
    "x0" INTEGER NOT NULL,
    "y0" INTEGER NOT NULL,
    "x1" INTEGER NOT NULL,
    "y1" INTEGER NOT NULL,
    "pixel_count" INTEGER NOT NULL,
    "first_pixel_id" INTEGER NOT NULL,
    "mask" BYTEA NOT NULL,
    "workunit_id" INTEGER,
    "processed_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "area_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "area_user" (
    "area_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "area_user_pkey" PRIMARY KEY ("area_id","user_id")
);

-- CreateTable
CREATE TABLE "galaxy_user" (
    "galaxy_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "area_count" INTEGER NOT NULL DEFAULT 0,
    "pixel_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "galaxy_user_pkey" PRIMARY KEY ("galaxy_id","user_id")
);

-- CreateTable
CREATE TABLE "pixel_result_block" (
    "area_id" INTEGER NOT NULL,
    "galaxy_id" INTEGER NOT NULL,
    "pixel_count" INTEGER NOT NULL,
    "xy" BYTEA NOT NULL,
    "stats" BYTEA NOT NULL,
    "display" BYTEA NOT NULL,
    "best_fit" BYTEA NOT NULL,
    "histograms" BYTEA,
    "source_sha256" TEXT NOT NULL,
    "results_version" INTEGER NOT NULL,
    "ingested_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pixel_result_block_pkey" PRIMARY KEY ("area_id")
);

-- CreateTable
CREATE TABLE "boinc_user" (
    "id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "country" TEXT NOT NULL DEFAULT '',
    "url" TEXT NOT NULL DEFAULT '',
    "create_time" TIMESTAMP(3) NOT NULL,
    "total_credit" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "expavg_credit" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "expavg_time" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "cpid" TEXT NOT NULL DEFAULT '',
    "has_profile" BOOLEAN NOT NULL DEFAULT false,
    "team_id" INTEGER,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "boinc_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "team" (
    "id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "name_html" TEXT NOT NULL DEFAULT '',
    "type" INTEGER NOT NULL DEFAULT 1,
    "founder_id" INTEGER,
    "founder_name" TEXT NOT NULL DEFAULT '',
    "country" TEXT NOT NULL DEFAULT '',
    "url" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "create_time" TIMESTAMP(3) NOT NULL,
    "total_credit" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "expavg_credit" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "expavg_time" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stats_export" (
    "id" SERIAL NOT NULL,
    "export_time" TIMESTAMP(3) NOT NULL,
    "imported_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "source" TEXT NOT NULL,
    "user_count" INTEGER NOT NULL DEFAULT 0,
    "team_count" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "total_credit" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "stats_export_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_credit_snapshot" (
    "user_id" INTEGER NOT NULL,
    "time" TIMESTAMP(3) NOT NULL,
    "total_credit" DOUBLE PRECISION NOT NULL,
    "expavg_credit" DOUBLE PRECISION NOT NULL,
    "team_id" INTEGER,

    CONSTRAINT "user_credit_snapshot_pkey" PRIMARY KEY ("user_id","time")
);

-- CreateTable
CREATE TABLE "team_credit_snapshot" (
    "team_id" INTEGER NOT NULL,
    "time" TIMESTAMP(3) NOT NULL,
    "total_credit" DOUBLE PRECISION NOT NULL,
    "expavg_credit" DOUBLE PRECISION NOT NULL,
    "member_count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "team_credit_snapshot_pkey" PRIMARY KEY ("team_id","time")
);

-- CreateTable
CREATE TABLE "team_delta" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "team_id" INTEGER NOT NULL,
    "time" TIMESTAMP(3) NOT NULL,
    "joining" BOOLEAN NOT NULL,
    "total_credit" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "team_delta_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "trophy" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL,
    "threshold" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "image" TEXT NOT NULL DEFAULT '',
    "hidden" BOOLEAN NOT NULL DEFAULT false,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "trophy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "trophy_award" (
    "trophy_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "awarded_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "trophy_award_pkey" PRIMARY KEY ("trophy_id","user_id")
);

-- CreateTable
CREATE TABLE "challenge" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "starts_at" TIMESTAMP(3) NOT NULL,
    "ends_at" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "challenge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "challenge_team" (
    "challenge_id" INTEGER NOT NULL,
    "team_id" INTEGER NOT NULL,
    "joined_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "challenge_team_pkey" PRIMARY KEY ("challenge_id","team_id")
);

-- CreateTable
CREATE TABLE "data_request" (
    "id" TEXT NOT NULL,
    "account_id" INTEGER,
    "galaxy_id" INTEGER NOT NULL,
    "format" TEXT NOT NULL,
    "params" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "message" TEXT NOT NULL DEFAULT '',
    "result_path" TEXT,
    "result_size" INTEGER,
    "sha256" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),
    "expires_at" TIMESTAMP(3),

    CONSTRAINT "data_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "password_hash" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'volunteer',
    "boinc_user_id" INTEGER,
    "failed_logins" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_token" (
    "id" SERIAL NOT NULL,
    "account_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMP(3),
    "expires_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),

    CONSTRAINT "api_token_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "run_filter" ADD CONSTRAINT "run_filter_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "run_filter" ADD CONSTRAINT "run_filter_filter_id_fkey" FOREIGN KEY ("filter_id") REFERENCES "filter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "galaxy" ADD CONSTRAINT "galaxy_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "run"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "layer" ADD CONSTRAINT "layer_galaxy_id_fkey" FOREIGN KEY ("galaxy_id") REFERENCES "galaxy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "layer" ADD CONSTRAINT "layer_filter_id_fkey" FOREIGN KEY ("filter_id") REFERENCES "filter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rgb_triple" ADD CONSTRAINT "rgb_triple_galaxy_id_fkey" FOREIGN KEY ("galaxy_id") REFERENCES "galaxy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rgb_triple" ADD CONSTRAINT "rgb_triple_red_filter_id_fkey" FOREIGN KEY ("red_filter_id") REFERENCES "filter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rgb_triple" ADD CONSTRAINT "rgb_triple_green_filter_id_fkey" FOREIGN KEY ("green_filter_id") REFERENCES "filter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rgb_triple" ADD CONSTRAINT "rgb_triple_blue_filter_id_fkey" FOREIGN KEY ("blue_filter_id") REFERENCES "filter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fits_header_card" ADD CONSTRAINT "fits_header_card_galaxy_id_fkey" FOREIGN KEY ("galaxy_id") REFERENCES "galaxy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "area" ADD CONSTRAINT "area_galaxy_id_fkey" FOREIGN KEY ("galaxy_id") REFERENCES "galaxy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "area_user" ADD CONSTRAINT "area_user_area_id_fkey" FOREIGN KEY ("area_id") REFERENCES "area"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "area_user" ADD CONSTRAINT "area_user_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "boinc_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "galaxy_user" ADD CONSTRAINT "galaxy_user_galaxy_id_fkey" FOREIGN KEY ("galaxy_id") REFERENCES "galaxy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "galaxy_user" ADD CONSTRAINT "galaxy_user_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "boinc_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pixel_result_block" ADD CONSTRAINT "pixel_result_block_area_id_fkey" FOREIGN KEY ("area_id") REFERENCES "area"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pixel_result_block" ADD CONSTRAINT "pixel_result_block_galaxy_id_fkey" FOREIGN KEY ("galaxy_id") REFERENCES "galaxy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "boinc_user" ADD CONSTRAINT "boinc_user_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_credit_snapshot" ADD CONSTRAINT "user_credit_snapshot_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "boinc_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_credit_snapshot" ADD CONSTRAINT "team_credit_snapshot_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_delta" ADD CONSTRAINT "team_delta_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "boinc_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_delta" ADD CONSTRAINT "team_delta_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trophy_award" ADD CONSTRAINT "trophy_award_trophy_id_fkey" FOREIGN KEY ("trophy_id") REFERENCES "trophy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trophy_award" ADD CONSTRAINT "trophy_award_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "boinc_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "challenge_team" ADD CONSTRAINT "challenge_team_challenge_id_fkey" FOREIGN KEY ("challenge_id") REFERENCES "challenge"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "challenge_team" ADD CONSTRAINT "challenge_team_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "data_request" ADD CONSTRAINT "data_request_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account" ADD CONSTRAINT "account_boinc_user_id_fkey" FOREIGN KEY ("boinc_user_id") REFERENCES "boinc_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

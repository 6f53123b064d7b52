-- AlterTable
ALTER TABLE "account" ADD COLUMN     "boinc_linked_at" TIMESTAMP(3),
ADD COLUMN     "hide_from_lists" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "last_sign_in_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "challenge" ADD COLUMN     "frozen_at" TIMESTAMP(3),
ADD COLUMN     "open_to_all" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "standings_updated_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "data_request" ADD COLUMN     "claimed_by" TEXT,
ADD COLUMN     "heartbeat_at" TIMESTAMP(3),
ADD COLUMN     "owner" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "result_type" TEXT,
ALTER COLUMN "galaxy_id" DROP NOT NULL,
ALTER COLUMN "result_size" SET DATA TYPE DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "stats_export" ADD COLUMN     "active_users" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "host_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "registered_users" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "total_rac" DOUBLE PRECISION NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "team" ADD COLUMN     "member_count" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "challenge_standing" (
    "challenge_id" INTEGER NOT NULL,
    "team_id" INTEGER NOT NULL,
    "credit" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "rank" INTEGER NOT NULL DEFAULT 0,
    "members" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "challenge_standing_pkey" PRIMARY KEY ("challenge_id","team_id")
);

-- CreateTable
CREATE TABLE "challenge_contribution" (
    "challenge_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "team_id" INTEGER NOT NULL,
    "credit" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "challenge_contribution_pkey" PRIMARY KEY ("challenge_id","user_id","team_id")
);

-- CreateTable
CREATE TABLE "challenge_point" (
    "challenge_id" INTEGER NOT NULL,
    "team_id" INTEGER NOT NULL,
    "time" TIMESTAMP(3) NOT NULL,
    "credit" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "challenge_point_pkey" PRIMARY KEY ("challenge_id","team_id","time")
);

-- CreateTable
CREATE TABLE "host" (
    "id" INTEGER NOT NULL,
    "user_id" INTEGER,
    "create_time" TIMESTAMP(3) NOT NULL,
    "rpc_time" TIMESTAMP(3),
    "total_credit" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "expavg_credit" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "expavg_time" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "cpu_count" INTEGER NOT NULL DEFAULT 0,
    "cpu_vendor" TEXT NOT NULL DEFAULT '',
    "cpu_model" TEXT NOT NULL DEFAULT '',
    "p_fpops" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "os_name" TEXT NOT NULL DEFAULT '',
    "os_version" TEXT NOT NULL DEFAULT '',
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "host_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "milestone" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "reached_at" TIMESTAMP(3) NOT NULL,
    "user_id" INTEGER,
    "team_id" INTEGER,
    "galaxy_id" INTEGER,
    "text" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "country_total" (
    "country" TEXT NOT NULL,
    "users" INTEGER NOT NULL DEFAULT 0,
    "total_credit" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "rac" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "country_total_pkey" PRIMARY KEY ("country")
);

-- CreateTable
CREATE TABLE "rate_limit" (
    "key" TEXT NOT NULL,
    "window_start" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "rate_limit_pkey" PRIMARY KEY ("key")
);

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

-- CreateIndex
CREATE INDEX "data_request_owner_created_at_idx" ON "data_request"("owner", "created_at");

-- CreateIndex
CREATE INDEX "team_member_count_idx" ON "team"("member_count");

-- AddForeignKey
ALTER TABLE "challenge_standing" ADD CONSTRAINT "challenge_standing_challenge_id_fkey" FOREIGN KEY ("challenge_id") REFERENCES "challenge"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "challenge_standing" ADD CONSTRAINT "challenge_standing_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "challenge_contribution" ADD CONSTRAINT "challenge_contribution_challenge_id_fkey" FOREIGN KEY ("challenge_id") REFERENCES "challenge"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "challenge_contribution" ADD CONSTRAINT "challenge_contribution_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "boinc_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "challenge_point" ADD CONSTRAINT "challenge_point_challenge_id_fkey" FOREIGN KEY ("challenge_id") REFERENCES "challenge"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "host" ADD CONSTRAINT "host_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "boinc_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

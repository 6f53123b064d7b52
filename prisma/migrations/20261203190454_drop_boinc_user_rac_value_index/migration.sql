-- DropIndex
DROP INDEX "boinc_user_expavg_credit_idx";

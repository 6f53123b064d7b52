-- CreateTable
CREATE TABLE "work_claim" (
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "claimed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeat_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "work_claim_pkey" PRIMARY KEY ("kind","key")
);

-- CreateTable
CREATE TABLE "work_claim" (
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "claimed_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeat_at" DATETIME NOT NULL,

    PRIMARY KEY ("kind", "key")
);

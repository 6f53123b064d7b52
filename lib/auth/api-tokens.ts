// API tokens for scripts (`Authorization: Bearer pogs_…`): 32 random bytes, shown once when made
// and stored only as their sha256, so a copy of the database cannot be used to call the API.
// A high-entropy token needs no slow hash: nothing can be guessed from its sha256.
import { createHash, randomBytes } from "node:crypto";
import { db as processDb, type Db } from "@/lib/db/client";

const TOKEN_PREFIX = "pogs_";
const SHOWN_PREFIX_LENGTH = TOKEN_PREFIX.length + 6;
const TOKEN_PATTERN = /^pogs_[A-Za-z0-9_-]{43}$/;
// lastUsedAt is written at most this often, so a busy script does not write on every request.
const LAST_USED_RESOLUTION_MS = 60_000;

export const MAX_TOKENS_PER_ACCOUNT = 20;

export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export type NewApiToken = { id: number; token: string; prefix: string };

export async function createApiToken(
  db: Db,
  accountId: number,
  input: { name: string; expiresAt: Date | null },
): Promise<NewApiToken> {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const prefix = token.slice(0, SHOWN_PREFIX_LENGTH);
  const row = await db.apiToken.create({
    data: { accountId, name: input.name, tokenHash: tokenHash(token), prefix, expiresAt: input.expiresAt },
    select: { id: true },
  });
  return { id: row.id, token, prefix };
}

/** The account's tokens that can still be used, newest first (never their hashes). */
export async function listApiTokens(db: Db, accountId: number, now = new Date()) {
  return db.apiToken.findMany({
    where: { accountId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, expiresAt: true },
  });
}

export async function countUsableApiTokens(db: Db, accountId: number, now = new Date()): Promise<number> {
  return db.apiToken.count({
    where: { accountId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
  });
}

/** Revokes one of the account's own tokens; false when it has no such token. */
export async function revokeApiToken(db: Db, accountId: number, tokenId: number, now = new Date()): Promise<boolean> {
  const { count } = await db.apiToken.updateMany({
    where: { id: tokenId, accountId, revokedAt: null },
    data: { revokedAt: now },
  });
  return count > 0;
}

/**
 * The account behind a request's `Authorization: Bearer <token>`, or null when there is no such
 * header or the token is unknown, revoked or expired.
 */
export async function authenticateBearer(request: Request, now = new Date()): Promise<{ accountId: number } | null> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  if (!match || !TOKEN_PATTERN.test(match[1])) return null;
  const db = processDb();
  const row = await db.apiToken.findUnique({
    where: { tokenHash: tokenHash(match[1]) },
    select: { id: true, accountId: true, revokedAt: true, expiresAt: true },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
  await db.apiToken.updateMany({
    where: {
      id: row.id,
      OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }],
    },
    data: { lastUsedAt: now },
  });
  return { accountId: row.accountId };
}

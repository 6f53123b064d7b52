// The secret that signs and encrypts sessions: NEXTAUTH_SECRET when set (lib/config.ts refuses
// placeholders), otherwise a random one generated once in DATA_DIR, so a fresh `npm start` is
// secure without any setup and every server process (and restart) shares it.
import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { settings } from "@/lib/config";
import { MIN_SECRET_LENGTH } from "./secret-strength";

const FILE_NAME = "auth-secret";

export function authSecretPath(dataDir = settings().dataDir): string {
  return path.join(dataDir, FILE_NAME);
}

let cached: string | undefined;

/** The session secret; creates DATA_DIR/auth-secret on first use when NEXTAUTH_SECRET is unset. */
export function authSecret(): string {
  cached ??= settings().nextAuthSecret ?? ensureAuthSecret().secret;
  return cached;
}

/**
 * Reads DATA_DIR/auth-secret, creating it (owner-only) if missing. Two processes starting at once
 * agree: the file appears by an atomic link, and the one that loses reads the winner's.
 */
export function ensureAuthSecret(dataDir = settings().dataDir): { secret: string; created: boolean } {
  const file = authSecretPath(dataDir);
  const existing = readSecretFile(file);
  if (existing) return { secret: existing, created: false };
  mkdirSync(dataDir, { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(temp, `${randomBytes(48).toString("base64url")}\n`, { mode: 0o600 });
  let created = true;
  try {
    linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    created = false;
  } finally {
    unlinkSync(temp);
  }
  const secret = readSecretFile(file);
  if (!secret) throw new Error(`${file} holds no usable secret: delete it to have a new one generated`);
  return { secret, created };
}

function readSecretFile(file: string): string | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const secret = text.trim();
  if (secret.length < MIN_SECRET_LENGTH)
    throw new Error(
      `${file} holds no usable secret (under ${MIN_SECRET_LENGTH} characters): delete it to have a new one generated`,
    );
  return secret;
}

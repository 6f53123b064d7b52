// Password storage: scrypt (memory-hard) with a random salt per password, written as a PHC-style
// string that carries its own parameters, `$scrypt$ln=17,r=8,p=1$<salt>$<hash>` (base64), so the
// cost can be raised later without breaking stored hashes. Never MD5: BOINC's md5(password+email)
// is only ever computed on the way to BOINC's own RPCs (lib/auth/boinc).
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

// OWASP's recommendation for scrypt: N = 2^17, r = 8, p = 1 (128 MiB per check; it runs on libuv's
// thread pool, so the server keeps answering meanwhile).
const DEFAULT_COST = { ln: 17, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
const PHC = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

export const PASSWORD_HASH_PATTERN = /\$scrypt\$ln=\d+,r=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+/;

type Cost = { ln: number; r: number; p: number };

function derive(password: string, salt: Buffer, cost: Cost, length: number): Promise<Buffer> {
  const N = 2 ** cost.ln;
  // Node refuses scrypt above 32 MiB unless maxmem allows the 128·N·r bytes it needs.
  const options: ScryptOptions = { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFC"), salt, length, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

const b64 = (buffer: Buffer) => buffer.toString("base64").replace(/=+$/, "");

export async function hashPassword(password: string, cost: Cost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, cost, KEY_BYTES);
  return `$scrypt$ln=${cost.ln},r=${cost.r},p=${cost.p}$${b64(salt)}$${b64(key)}`;
}

/** Whether a password matches a stored hash; false for a hash this code cannot read. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = PHC.exec(stored);
  if (!m) return false;
  const cost = { ln: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  if (cost.ln < 10 || cost.ln > 22) return false;
  const expected = Buffer.from(m[5], "base64");
  const key = await derive(password, Buffer.from(m[4], "base64"), cost, expected.length);
  return timingSafeEqual(key, expected);
}

/** Whether a stored hash was made with other parameters than today's (then it is redone at sign-in). */
export function needsRehash(stored: string): boolean {
  const m = PHC.exec(stored);
  return !m || Number(m[1]) !== DEFAULT_COST.ln || Number(m[2]) !== DEFAULT_COST.r || Number(m[3]) !== DEFAULT_COST.p;
}

let decoy: Promise<string> | undefined;

/**
 * Spends the time of one verification on nothing, for an email with no account, so response
 * times do not tell which addresses have accounts.
 */
export async function verifyDecoy(password: string): Promise<void> {
  decoy ??= hashPassword(randomBytes(16).toString("hex"));
  await verifyPassword(password, await decoy);
}

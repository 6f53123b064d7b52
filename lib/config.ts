// The portal's settings, read from the environment once and validated, so a bad value stops
// start-up with one clear line. Nothing else reads process.env.
import path from "node:path";
import { z } from "zod";
import { secretProblem } from "@/lib/auth/secret-strength";

const EnvSchema = z.object({
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres:\/\/|postgresql:\/\/)/, "must start with file:, postgres:// or postgresql://")
    .optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  // Unset: a random secret is generated once in DATA_DIR (lib/auth/secret.ts).
  NEXTAUTH_SECRET: z
    .string()
    .refine((v) => secretProblem(v) === null, { error: (issue) => secretProblem(String(issue.input)) ?? "invalid" })
    .optional(),
  // The BOINC project whose Web RPCs check a volunteer's BOINC account when they link it.
  BOINC_PROJECT_URL: z
    .string()
    .url()
    .regex(/^https?:\/\//, "must be an http:// or https:// URL")
    .transform((v) => (v.endsWith("/") ? v : `${v}/`))
    .optional(),
  // The long-term store of HDF5 archives (a directory; on a deployment a mounted network file
  // system). Unset: DATA_DIR/store.
  ARCHIVE_STORE: z.string().min(1).optional(),
  // Days a galaxy stays `stored` before `npm run archive -- --delete` removes its per-pixel results.
  ARCHIVE_DELETE_AFTER_DAYS: z.coerce.number().min(0).default(5),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().default("0.0.0.0"),
});

export type Settings = {
  dataDir: string;
  databaseUrl: string;
  nextAuthUrl: string | undefined;
  nextAuthSecret: string | undefined;
  boincProjectUrl: string | undefined;
  archiveStore: string;
  archiveDeleteAfterDays: number;
  port: number;
  hostname: string;
};

export class ConfigError extends Error {}

/** Parses an environment (process.env by default) into settings; throws ConfigError with one line. */
export function parseSettings(env: Record<string, string | undefined> = process.env): Settings {
  // An empty variable (DATABASE_URL= in a .env) means "not set", as shells and dotenv treat it.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`Invalid environment variable ${issue.path.join(".")}: ${issue.message}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    dataDir,
    databaseUrl: e.DATABASE_URL ?? `file:${path.join(dataDir, "pogs.db")}`,
    nextAuthUrl: e.NEXTAUTH_URL,
    nextAuthSecret: e.NEXTAUTH_SECRET?.trim(),
    boincProjectUrl: e.BOINC_PROJECT_URL,
    archiveStore: path.resolve(e.ARCHIVE_STORE ?? path.join(dataDir, "store")),
    archiveDeleteAfterDays: e.ARCHIVE_DELETE_AFTER_DAYS,
    port: e.PORT,
    hostname: e.HOSTNAME,
  };
}

let cached: Settings | undefined;

export function settings(): Settings {
  cached ??= parseSettings();
  return cached;
}

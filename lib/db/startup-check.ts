import { authSecret } from "@/lib/auth/secret";
import { ConfigError, settings } from "@/lib/config";
import { db } from "./client";

/**
 * Opens the database, reads one row and makes sure a session secret exists; on failure prints
 * one line and exits the process.
 */
export async function checkDatabaseOrExit(): Promise<void> {
  try {
    settings();
    await db().run.findFirst({ select: { id: true } });
    authSecret(); // NEXTAUTH_SECRET, or the one generated in DATA_DIR (created now if missing)
  } catch (error) {
    const reason = error instanceof ConfigError ? error.message : describe(error);
    console.error(`POGS Portal cannot start: ${reason}`);
    process.exit(1);
  }
}

function describe(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error))
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  // Prisma prefixes its errors with the invocation; the last line holds the database's own reason.
  if (/no such table/i.test(message.join(" ")))
    return `the database at ${settings().databaseUrl} has no tables: run \`npm run db:migrate\``;
  return message[message.length - 1] ?? "unknown database error";
}

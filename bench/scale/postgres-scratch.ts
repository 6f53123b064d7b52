// A private PostgreSQL database for the scale bench on the server of POGS_TEST_POSTGRES_URL (else
// the local one at its default address, when it answers). Left empty when new: the bench's engine
// process migrates it as the portal does. A kept one (SCALE_KEEP) is reused as it is.
import pg from "pg";

const DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/test";

export type PostgresScratch = { databaseUrl: string; drop(): Promise<void>; close(): Promise<void> };

export async function openPostgresScratch(name: string): Promise<PostgresScratch | null> {
  const adminUrl = process.env.POGS_TEST_POSTGRES_URL || DEFAULT_URL;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  if (!exists.rowCount) await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.href,
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
    close: () => admin.end(),
  };
}
